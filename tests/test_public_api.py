"""The public API: what `checker/__init__.py` exports stays in sync with `__all__`."""

import checker


def test_all_lists_exactly_the_public_names():
    public = {
        name
        for name in vars(checker)
        if not name.startswith("_") and not isinstance(getattr(checker, name), type(checker))
    }
    assert public | {"__version__"} == set(checker.__all__)


def test_library_functions_share_the_cli_names():
    from checker.cli import app

    commands = {command.name for command in app.registered_commands}
    assert commands <= set(checker.__all__)


def test_all_is_sorted():
    assert list(checker.__all__) == sorted(checker.__all__)
