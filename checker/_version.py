"""checker's version, read from the installed package's metadata (pyproject.toml is the one
place it is written), so no module imports the package root to learn it."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("checker")
except PackageNotFoundError:  # a source tree on sys.path that was never installed
    __version__ = "0+unknown"
