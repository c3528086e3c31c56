"""The saved index: round trip, checksums, refusal of foreign or incompatible indexes."""

from __future__ import annotations

import errno
import fcntl
import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

import checker.store.generations as generations
from checker._version import __version__
from checker.errors import CorruptIndexError, DiskFullError, IncompatibleIndexError
from checker.models import Article, Claim, Sentence
from checker.store import (
    MANIFEST,
    METADATA,
    VECTORS,
    StoredIndex,
    load_index,
    locked,
    read_manifest,
    save_index,
    verify_index,
)

TEXT = "Syria surrendered its stockpile of chemical weapons in 2014 to a joint mission."


def _stored(count: int = 3) -> StoredIndex:
    article = Article(id="doc-1", outlet="ava", text=TEXT, source="seeds/004.txt", checksum="abc")
    claims = [
        Claim(sentence=Sentence(doc_id="doc-1", index=i, start=0, end=len(TEXT), text=TEXT))
        for i in range(count)
    ]
    vectors = np.eye(count, 8, dtype=np.float32)
    return StoredIndex(
        model="all-MiniLM-L6-v2", dimension=8, articles=[article], claims=claims, vectors=vectors
    )


def test_round_trip_keeps_articles_claims_and_vectors(tmp_path):
    with locked(tmp_path / "idx"):
        save_index(tmp_path / "idx", _stored(), checker_version=__version__)
    loaded = load_index(tmp_path / "idx")
    assert loaded.model == "all-MiniLM-L6-v2"
    assert [claim.sentence.index for claim in loaded.claims] == [0, 1, 2]
    assert np.array_equal(loaded.vectors, np.eye(3, 8, dtype=np.float32))
    assert loaded.articles[0].text == TEXT


def test_second_save_switches_generation_and_removes_the_old_one(tmp_path):
    target = tmp_path / "idx"
    save_index(target, _stored(2), checker_version=__version__)
    first = read_manifest(target).generation
    save_index(target, _stored(4), checker_version=__version__)
    second = read_manifest(target).generation
    assert first != second
    assert not (target / first).exists()
    assert len(load_index(target).claims) == 4


def test_truncated_vector_file_is_detected_and_named(tmp_path):
    target = tmp_path / "idx"
    save_index(target, _stored(), checker_version=__version__)
    vectors = target / read_manifest(target).generation / VECTORS
    vectors.write_bytes(vectors.read_bytes()[:20])
    with pytest.raises(CorruptIndexError, match=r"vectors\.faiss: checksum mismatch.*rebuild"):
        load_index(target)


def test_modified_metadata_is_detected(tmp_path):
    target = tmp_path / "idx"
    save_index(target, _stored(), checker_version=__version__)
    database = target / read_manifest(target).generation / METADATA
    connection = sqlite3.connect(database)
    with connection:
        connection.execute("DELETE FROM claims WHERE row = 0")
    connection.close()
    with pytest.raises(CorruptIndexError, match="meta.sqlite"):
        load_index(target)


def test_missing_index_says_how_to_build_one(tmp_path):
    with pytest.raises(CorruptIndexError, match="checker index CORPUS"):
        load_index(tmp_path / "nothing")


def test_foreign_manifest_is_refused(tmp_path):
    (tmp_path / MANIFEST).write_text(json.dumps({"some": "other tool"}))
    with pytest.raises(IncompatibleIndexError, match="not a checker index"):
        load_index(tmp_path)


def test_other_format_version_is_refused(tmp_path):
    save_index(tmp_path, _stored(), checker_version=__version__)
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    manifest["format_version"] = 99
    (tmp_path / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(IncompatibleIndexError, match="format version 99"):
        load_index(tmp_path)


def test_other_model_is_refused(tmp_path):
    save_index(tmp_path, _stored(), checker_version=__version__)
    with pytest.raises(IncompatibleIndexError, match="built with model 'all-MiniLM-L6-v2'"):
        load_index(tmp_path, expected_model="paraphrase-mpnet-base-v2")


def test_leftover_staging_folder_from_a_crash_does_not_break_loading(tmp_path):
    save_index(tmp_path, _stored(), checker_version=__version__)
    (tmp_path / ".gen-000002.tmp-12345").mkdir()
    (tmp_path / ".gen-000002.tmp-12345" / VECTORS).write_bytes(b"half")
    assert len(load_index(tmp_path).claims) == 3


def test_a_save_keeps_the_generation_a_reader_holds_and_a_later_save_removes_it(tmp_path):
    target = tmp_path / "idx"
    save_index(target, _stored(2), checker_version=__version__)
    held = read_manifest(target).generation
    with open(target / "readers.lock") as lock:  # what every reader holds while it loads
        fcntl.flock(lock, fcntl.LOCK_SH)
        save_index(target, _stored(4), checker_version=__version__)
        assert (target / held / METADATA).is_file()
        assert len(load_index(target).claims) == 4
    save_index(target, _stored(3), checker_version=__version__)
    assert [p.name for p in target.iterdir() if "gen-" in p.name] == [
        read_manifest(target).generation
    ]


def test_a_reader_whose_generation_went_retries_once_with_the_new_manifest(tmp_path, monkeypatch):
    """Where flock does not hold (some network filesystems), the generation a reader read in
    the manifest can be gone when it loads: it reads the manifest again and loads that."""
    target = tmp_path / "idx"
    save_index(target, _stored(2), checker_version=__version__)
    stale = read_manifest(target)
    save_index(target, _stored(4), checker_version=__version__)
    assert not (target / stale.generation).exists()
    first_read = iter([stale])
    monkeypatch.setattr(
        generations, "read_manifest", lambda path: next(first_read, None) or read_manifest(path)
    )
    assert len(load_index(target).claims) == 4


# A writer that saves one generation after another, as `checker index` runs do back to back.
WRITER = """
import sys
from pathlib import Path
import numpy as np
from tests.test_store import _stored
from checker.store import locked, save_index
target, saves = Path(sys.argv[1]), int(sys.argv[2])
for number in range(saves):
    stored = _stored(3 + number % 5)
    with locked(target):
        save_index(target, stored)
"""
WRITER_SAVES = 20
READER_THREADS = 4


def test_readers_always_see_a_whole_generation_while_a_writer_saves(tmp_path):
    target = tmp_path / "idx"
    save_index(target, _stored(), checker_version=__version__)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target), str(WRITER_SAVES)],
        cwd=Path(__file__).resolve().parents[1],
        stderr=subprocess.PIPE,
        text=True,
    )
    failures: list[str] = []
    reads: list[int] = []

    def read_until_the_writer_ends() -> None:
        while writer.poll() is None:
            try:
                health = verify_index(target)
                reads.append(len(load_index(target).claims))
                assert health.sentences in range(3, 8)
            except Exception as error:  # every failure counts, not only checker's own
                failures.append(f"{type(error).__name__}: {error}")

    readers = [threading.Thread(target=read_until_the_writer_ends) for _ in range(READER_THREADS)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    assert writer.wait() == 0, writer.stderr.read() if writer.stderr else ""
    assert failures == [], f"{len(failures)} of {len(reads) + len(failures)} reads failed"
    assert len(reads) > WRITER_SAVES // 4  # the readers really overlapped the writes
    # Generations readers held are removed by a later save once no reader holds them.
    save_index(target, _stored(), checker_version=__version__)
    assert [p.name for p in target.iterdir() if "gen-" in p.name] == [
        read_manifest(target).generation
    ]


@pytest.mark.parametrize("failing", [VECTORS, METADATA, "incidents.json", MANIFEST])
def test_a_full_disk_leaves_the_old_index_and_nothing_half_written(tmp_path, monkeypatch, failing):
    target = tmp_path / "idx"
    save_index(target, _stored(2), checker_version=__version__)
    before = sorted(child.name for child in target.iterdir())
    real_write = os.write

    def write_until_the_disk_fills(descriptor: int, data) -> int:
        if (
            os.readlink(f"/proc/self/fd/{descriptor}")
            .split("/")[-1]
            .lstrip(".")
            .startswith(failing)
        ):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(descriptor, data)

    monkeypatch.setattr(os, "write", write_until_the_disk_fills)
    with pytest.raises(DiskFullError) as raised:
        save_index(target, _stored(4).model_copy(update={"incidents": []}))
    monkeypatch.undo()
    message = str(raised.value)
    assert message.startswith("no space left on /") and "\n" not in message
    assert f"while writing {target}/" in message and failing in message
    assert message.endswith("; free space there and run again (the index is unchanged)")
    assert sorted(child.name for child in target.iterdir()) == before
    assert verify_index(target).sentences == 2
