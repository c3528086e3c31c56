"""Project settings: defaults for command options, read from the folder a command runs in.

`checker.toml` there, else the `[tool.checker]` table of its `pyproject.toml`. Top-level keys
set an option of every command that has it (`index = "indexes/news"`, `fail-on = "conflict"`);
a table per command sets that command's only (`[check]`, or `[tool.checker.check]`). Options
given on the command line win; `CHECKER_INDEX` sets `--index` where no file does.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from checker.errors import UsageError

SETTINGS_FILE = "checker.toml"
PYPROJECT = "pyproject.toml"


class Settings(BaseModel):
    """Option defaults and where they came from."""

    model_config = ConfigDict(frozen=True)

    source: Path | None = None
    shared: dict[str, Any] = {}  # for every command with the option
    commands: dict[str, dict[str, Any]] = {}  # for one command ("check", "review list")


def load_settings(folder: str | Path = ".") -> Settings:
    """The settings of `folder` (empty when it has neither file); a UsageError names the file
    and what is wrong with it."""
    folder = Path(folder)
    own, pyproject = folder / SETTINGS_FILE, folder / PYPROJECT
    if own.is_file():
        return _settings(own, _read(own))
    if pyproject.is_file():
        table = _read(pyproject).get("tool", {}).get("checker")
        if table is not None:
            return _settings(pyproject, table, prefix="tool.checker.")
    return Settings()


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read the settings ({error})") from error
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{path}: not valid TOML ({error})") from error


def _settings(path: Path, table: Any, *, prefix: str = "") -> Settings:
    if not isinstance(table, dict):
        raise UsageError(f"{path}: [{prefix.rstrip('.') or 'top level'}] must be a table")
    shared = {key: value for key, value in table.items() if not isinstance(value, dict)}
    commands: dict[str, dict[str, Any]] = {}
    for name, options in table.items():
        if not isinstance(options, dict):
            continue
        nested = {
            f"{name} {sub}": value for sub, value in options.items() if isinstance(value, dict)
        }
        own = {key: value for key, value in options.items() if not isinstance(value, dict)}
        if own or not nested:
            commands[name] = own
        commands.update(nested)  # [review.list] for `checker review list`
    return Settings(source=path, shared=shared, commands=commands)
