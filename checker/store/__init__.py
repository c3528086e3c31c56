"""The saved index: FAISS vectors and SQLite metadata in crash-safe generations under a
manifest, the writer lock, the one merge of new articles, and the views pairing searches."""

from checker.store.generations import METADATA, VECTORS, StoredIndex, load_index, save_index
from checker.store.lock import LOCK, locked
from checker.store.manifest import (
    FORMAT_VERSION,
    MANIFEST,
    Manifest,
    index_exists,
    read_manifest,
)
from checker.store.merge import merge
from checker.store.search import NeighbourSearch
from checker.store.verify import IndexHealth, verify_index
from checker.store.view import IndexView, sentences_of, view_of, view_with

__all__ = [
    "FORMAT_VERSION",
    "LOCK",
    "MANIFEST",
    "METADATA",
    "VECTORS",
    "IndexHealth",
    "IndexView",
    "Manifest",
    "NeighbourSearch",
    "StoredIndex",
    "index_exists",
    "load_index",
    "locked",
    "merge",
    "read_manifest",
    "save_index",
    "sentences_of",
    "verify_index",
    "view_of",
    "view_with",
]
