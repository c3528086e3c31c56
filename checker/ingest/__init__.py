"""Ingest: a corpus of files and tables into `Article`s (files.py, tables.py, dates.py)."""

from checker.ingest.article import article_checksum
from checker.ingest.dates import parse_date
from checker.ingest.files import SIDECAR_SUFFIX
from checker.ingest.load import SUPPORTED_SUFFIXES, IngestResult, load_articles
from checker.ingest.tables import FieldMap

__all__ = [
    "SIDECAR_SUFFIX",
    "SUPPORTED_SUFFIXES",
    "FieldMap",
    "IngestResult",
    "article_checksum",
    "load_articles",
    "parse_date",
]
