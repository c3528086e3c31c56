"""The saved index: round trip, checksums, refusal of foreign or incompatible indexes."""

from __future__ import annotations

import json
import sqlite3

import numpy as np
import pytest

from checker._version import __version__
from checker.errors import CorruptIndexError, IncompatibleIndexError
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
