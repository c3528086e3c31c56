"""A small newsroom repository for CI tests: three outlets, one folder each, in git.

`NEW_ARTICLES` holds a report that contradicts one figure of the corpus (32 vs 20 killed
in one market strike, same day) and a wire copy that merely duplicates another report.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECKER = Path(sys.executable).with_name("checker")

# The corpus sentence the new report contradicts, and the new report's sentence.
CLASHED_SENTENCE = (
    "Air strikes on a crowded market in Douma killed 20 people on Monday, the Syrian "
    "Observatory for Human Rights said."
)
CONFLICT_SENTENCE = (
    "Local activists said that air strikes on a crowded market in Douma killed 32 people on Monday."
)

CORPUS = {
    "ahram/douma-strike.txt": (
        "ahram",
        "2016-06-06",
        f"Air strikes hit a market in Douma\n\n{CLASHED_SENTENCE}\n"
        "Rescue workers searched the rubble for survivors into the evening.\n",
    ),
    "sana/aleppo-shelling.txt": (
        "sana",
        "2016-06-07",
        "Shelling in Aleppo\n\n"
        "Rebel shelling of a residential district in Aleppo wounded 14 civilians on Tuesday, "
        "state media reported.\n"
        "The army said it had responded to the sources of fire.\n",
    ),
    "reuters/idlib-water.txt": (
        "reuters",
        "2016-06-05",
        "Water shortages in Idlib\n\n"
        "Aid agencies warned of water shortages in Idlib province as temperatures rose.\n"
        "Some 300,000 people depend on trucked water, the United Nations said.\n",
    ),
}

CONFLICTING = "sana/douma-market.txt"
DUPLICATE = "reuters/aleppo-copy.txt"
# The contradicting sentence sits on line 7: four header lines, title, blank line.
CONFLICT_LINE = 7

NEW_ARTICLES = {
    CONFLICTING: (
        "sana",
        "2016-06-06",
        f"Market attack in Douma\n\n{CONFLICT_SENTENCE}\n"
        "The attack drew condemnation from aid groups.\n",
    ),
    DUPLICATE: (
        "reuters",
        "2016-06-07",
        "Aleppo district shelled\n\n"
        "Rebel shelling of a residential district in Aleppo wounded 14 civilians on Tuesday, "
        "state media reported.\n",
    ),
}

# Other file kinds, for where SARIF regions point: a Markdown report whose clashing sentence
# (32 vs 20 killed in Douma) follows another sentence on its line, and a CSV row that clashes
# with Aleppo's 14 wounded (a row's text is a quoted field, so its columns are not the file's).
MIDLINE = "enab/douma-market.md"
MIDLINE_SENTENCE = (
    "Air strikes on a crowded market in Douma killed 32 people on Monday, activists said."
)
MIDLINE_ARTICLES = {
    MIDLINE: (
        "enab",
        "2016-06-06",
        f"# Douma market struck\n\nRescuers worked through the night. {MIDLINE_SENTENCE}\n",
    ),
}
TABLE = "rows/aleppo.csv"
TABLE_SENTENCE = (
    "Rebel shelling of a residential district in Aleppo wounded 30 civilians on Tuesday, "
    "activists said."
)
TABLE_TEXT = f'outlet,date,text\nhalab,2016-06-07,"{TABLE_SENTENCE}"\n'


def write_articles(root: Path, articles: dict[str, tuple[str, str, str]]) -> list[Path]:
    """Write `.txt` articles with a front-matter header under `root`; return their paths."""
    written = []
    for relative, (outlet, date, body) in articles.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\noutlet: {outlet}\ndate: {date}\n---\n{body}", encoding="utf-8")
        written.append(path)
    return written


def git(repo: Path, *arguments: str) -> str:
    completed = subprocess.run(
        ["git", "-c", "user.name=CI", "-c", "user.email=ci@example.org", *arguments],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout


def make_repo(repo: Path) -> str:
    """A git repository with the corpus under `articles/` committed; returns the commit."""
    repo.mkdir(parents=True)
    git(repo, "init", "-q")
    write_articles(repo / "articles", CORPUS)
    git(repo, "add", "articles")
    git(repo, "commit", "-q", "-m", "corpus")
    return git(repo, "rev-parse", "HEAD").strip()


def run_checker(*arguments: str | Path, cwd: Path, env: dict | None = None, timeout: int = 300):
    """The installed console script, as CI runs it."""
    return subprocess.run(
        [str(CHECKER), *map(str, arguments)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
