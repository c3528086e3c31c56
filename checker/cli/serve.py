"""`checker serve`: the review page of an index's queue, in a browser."""

from __future__ import annotations

from typing import Annotated

import typer

from checker.cli._common import IndexOption, progress_for, run
from checker.cli.review_options import ReviewerOption
from checker.server import DEFAULT_HOST, DEFAULT_PORT, TOKEN_ENV

MAX_PORT = 65535  # TCP ports are 16-bit; a larger one fails only after the sync, in uvicorn


def serve_command(
    index: IndexOption,
    host: Annotated[
        str, typer.Option(help="Address to bind (local only by default)")
    ] = DEFAULT_HOST,
    port: Annotated[
        int, typer.Option(min=1, max=MAX_PORT, help="Port to listen on (1-65535)")
    ] = DEFAULT_PORT,
    reviewer: ReviewerOption = None,
    sync_first: Annotated[
        bool, typer.Option("--sync/--no-sync", help="Sync the queue with the index before serving")
    ] = True,
    allow_remote: Annotated[
        bool,
        typer.Option(
            "--allow-remote",
            help=f"Allow a --host beyond this machine; the page then wants a token ({TOKEN_ENV} "
            "or a random one, printed once in its address)",
        ),
    ] = False,
) -> None:
    """Serve the review page at http://HOST:PORT (sync first, then review in the browser)."""
    from checker.review import sync
    from checker.server import access_token, page_url, serve

    token = run(lambda: access_token(host, allow_remote=allow_remote))
    if sync_first:
        with progress_for(False) as progress:
            summary = run(lambda: sync(index_path=index, reviewer=reviewer, progress=progress))
        typer.echo(f"{summary.total} findings ({summary.added} new)", err=True)
    typer.echo(f"review page: {page_url(host, port, token)}  (Ctrl-C to stop)", err=True)
    run(lambda: serve(index_path=index, host=host, port=port, reviewer=reviewer, token=token))
