"""The local review page (`checker serve`): FastAPI with server-rendered Jinja2 templates.

The web stack is imported on first use, so `import checker` stays light.
"""

from __future__ import annotations

from pathlib import Path

# Local only by default: the page shows unpublished copy and changes verdicts.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def serve(
    *,
    index_path: str | Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    reviewer: str | None = None,
) -> None:
    """Serve the review page of the index's queue until interrupted."""
    import uvicorn

    from checker.server.app import create_app

    application = create_app(index_path=index_path, reviewer=reviewer)
    uvicorn.run(application, host=host, port=port, log_level="warning")


__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "serve"]
