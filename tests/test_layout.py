"""The layout rules a newcomer relies on, checked on the source itself: small modules and
functions, no module importing the package root, and no core stage importing a renderer,
the CLI or the review page."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "checker"
MODULES = sorted(PACKAGE.rglob("*.py"))
# Word lists are data tables: they may run long (GUIDELINES of STYLE: one lexicon module).
DATA_TABLES = {"lexicon.py"}
MAX_MODULE_LINES = 350
MAX_FUNCTION_LINES = 60
# Stages that everything else builds on: they must not depend on how results are shown.
CORE = ("ingest", "text", "quantities", "claims", "nlp", "store", "judge", "ci")
CORE_MODULES = ("analysis.py", "indexing.py", "reporting.py", "comparison.py", "models.py")
PRESENTATION = ("checker.rendering", "checker.cli", "checker.server")


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


def _imports(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names += [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return names


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_module_is_small(path):
    if path.name in DATA_TABLES:
        return
    assert path.read_text(encoding="utf-8").count("\n") <= MAX_MODULE_LINES


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_functions_fit_on_a_screen(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_module_imports_the_package_root(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    root_imports = [
        node
        for node in ast.walk(tree)
        if (isinstance(node, ast.ImportFrom) and node.module == "checker")
        or (isinstance(node, ast.Import) and any(a.name == "checker" for a in node.names))
    ]
    assert not root_imports


@pytest.mark.parametrize(
    "path",
    [
        path
        for path in MODULES
        if path.relative_to(PACKAGE).parts[0] in CORE or path.name in CORE_MODULES
    ],
    ids=_name,
)
def test_core_stages_do_not_import_presentation(path):
    imported = _imports(ast.parse(path.read_text(encoding="utf-8")))
    assert not [name for name in imported if name.startswith(PRESENTATION)]
