"""The `checker` command line."""

from checker.cli.main import app, main

__all__ = ["app", "main"]
