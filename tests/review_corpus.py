"""A small four-outlet corpus for the review-queue tests: three conflicts, two duplicates,
and an article that carries a `<script>` tag in its text. Indexed once per test session."""

from __future__ import annotations

import hashlib
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ARTICLES = {
    "alpha.txt": """---
outlet: Alpha News
date: 2018-09-03
title: Strike on Idlib market
---
An air strike hit a crowded market in Idlib on Monday.

Local rescuers said 32 people were killed in the strike on the market in Idlib on Monday.

The Syrian Observatory for Human Rights said 15 children were wounded in the attack.

Residents said the <script>alert("pwned")</script> sirens sounded too late.
""",
    "beta.txt": """---
outlet: Beta Times
date: 2018-09-03
title: Idlib market attack
---
Warplanes struck a busy market in Idlib on Monday.

Officials said 20 people were killed in the strike on the market in Idlib on Monday.

The Syrian Observatory for Human Rights said 15 children were wounded in the attack.
""",
    "gamma.txt": """---
outlet: Gamma Wire
date: 2018-09-03
title: Idlib
---
Rescue workers said 32 people were killed in an air strike on a market in Idlib on Monday.

A monitoring group said 40 fighters died in clashes near Hama on Monday.
""",
    "delta.txt": """---
outlet: Delta Post
date: 2018-09-03
title: Hama clashes
---
A monitoring group said 12 fighters died in clashes near Hama on Monday.
""",
}

_BUILT: dict[str, Path] = {}
# Places the scaled queue's incidents are set in, so a search by place narrows it.
SCALED_PLACES = ("Idlib", "Hama", "Aleppo", "Douma", "Raqqa", "Homs", "Daraa", "Manbij")
# Findings per incident in the scaled queue; every tenth group has no incident (its findings
# group by their pair of articles instead).
SCALED_GROUP_SIZE = 8


def write_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


def build_index(folder: Path) -> Path:
    """Write the corpus under `folder` and index it there (real model)."""
    from checker.indexing import index

    index_path = folder / "index"
    index(write_corpus(folder / "corpus"), index_path=index_path)
    return index_path


def fresh_index(tmp_path_factory, tmp_path: Path) -> Path:
    """A copy of the session's indexed corpus, with no review queue yet."""
    if "index" not in _BUILT:
        _BUILT["index"] = build_index(tmp_path_factory.mktemp("review-corpus"))
    copy = tmp_path / "index"
    shutil.copytree(_BUILT["index"], copy)
    return copy


@contextmanager
def live_server(app) -> Iterator[str]:
    """Run `app` under a real uvicorn server on a free local port; yields its base URL."""
    import uvicorn

    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def scaled_pairs(pairs, count: int):
    """`count` distinct findings made from the corpus's real pairs, for a queue at scale: each
    keeps its sentences, articles and compared figures, and gets its own fingerprint, incident
    (SCALED_GROUP_SIZE findings each), place, date gap and score."""
    made = []
    for number in range(count):
        pair = pairs[number % len(pairs)]
        group = number // SCALED_GROUP_SIZE
        fingerprint = hashlib.sha1(f"{pair.fingerprint}:{number}".encode()).hexdigest()[:16]
        made.append(
            pair.model_copy(
                update={
                    "fingerprint": fingerprint,
                    "incident": None if group % 10 == 9 else f"inc-scaled-{group:04d}",
                    "place": SCALED_PLACES[group % len(SCALED_PLACES)],
                    "days_apart": number % 7,
                    "score": round(pair.score - (number % 97) / 1000, 4),
                }
            )
        )
    return made
