"""checker's version and declared repository, read from the installed package's metadata
(pyproject.toml is the one place they are written), so no module imports the package root
to learn them."""

from importlib.metadata import PackageNotFoundError, metadata, version

# The `[project.urls]` label of the repository, compared as PEP 753 normalises labels.
REPOSITORY_LABEL = "repository"

try:
    __version__ = version("checker")
except PackageNotFoundError:  # a source tree on sys.path that was never installed
    __version__ = "0+unknown"


def repository_url() -> str | None:
    """The repository pyproject.toml declares, or None when the installed metadata has none
    (or checker was never installed): links are left out rather than guessed."""
    try:
        project_urls = metadata("checker").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in project_urls:
        label, _, url = entry.partition(",")
        if _normalised_label(label) == REPOSITORY_LABEL and url.strip():
            return url.strip()
    return None


def _normalised_label(label: str) -> str:
    """PEP 753: lower case, without punctuation or whitespace ("Source-Code" is "sourcecode")."""
    return "".join(char for char in label.lower() if char.isalnum())
