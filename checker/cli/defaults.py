"""Option defaults from the project's settings file (checker.settings) as Click's default_map:
the command line still wins. A key no command knows is an error naming the file."""

from __future__ import annotations

from typing import Any

from checker.errors import UsageError
from checker.settings import Settings


def default_map(group: Any, settings: Settings) -> dict[str, Any]:
    """{command: {parameter: value}} (nested for groups) for every command below `group` (a
    Click group: Typer's own copy of Click or Click's, so only their shared attributes)."""
    commands = dict(_commands(group))
    known = {name for command in commands.values() for name in _options(command)}
    mapped: dict[str, Any] = {}
    for key, value in settings.shared.items():
        name = _parameter(key)
        if name not in known:
            raise UsageError(f"{settings.source}: no command has an option {key!r}")
        for path, command in commands.items():
            if name in _options(command):
                _place(mapped, path, name, _value(command, name, value))
    for path, options in settings.commands.items():
        command = commands.get(path)
        if command is None:
            raise UsageError(f"{settings.source}: [{path}] names no checker command")
        for key, value in options.items():
            name = _parameter(key)
            if name not in _options(command):
                raise UsageError(f"{settings.source}: `checker {path}` has no option {key!r}")
            _place(mapped, path, name, _value(command, name, value))
    return mapped


def _commands(group: Any, prefix: str = ""):
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        if hasattr(command, "commands"):  # a group (typer may bring its own Click)
            yield from _commands(command, f"{path} ")
        else:
            yield path, command


def _options(command: Any) -> dict[str, Any]:
    return {
        param.name: param
        for param in command.params
        if param.name and param.param_type_name == "option"
    }


def _parameter(key: str) -> str:
    """A settings key ("fail-on", "fail_on") as the parameter's name ("fail_on")."""
    return key.replace("-", "_")


def _value(command: Any, name: str, value: Any) -> Any:
    option = _options(command)[name]
    if getattr(option, "multiple", False) and not isinstance(value, list):
        return [value]
    return value


def _place(mapped: dict[str, Any], path: str, name: str, value: Any) -> None:
    table = mapped
    for part in path.split(" "):
        table = table.setdefault(part, {})
    table[name] = value
