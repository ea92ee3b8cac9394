"""Documents in (txt, md, html, json, jsonl, csv, tsv, stdin) and event records out (jsonl, json,
csv): one module per job, the names other modules use re-exported here."""

from eventx.io.boilerplate import clean_text
from eventx.io.discovery import (
    CSV_SUFFIXES,
    DEFAULT_MAX_BYTES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    KNOWN_SUFFIXES,
    TEXT_SUFFIXES,
)
from eventx.io.journal import DONE_SUFFIX, JsonlJournal, document_key, done_path
from eventx.io.reader import iter_documents
from eventx.io.records import TEXT_KEYS, date_in_name
from eventx.io.writer import (
    CSV_COLUMNS,
    CSV_LIST_SEP,
    KeepOutput,
    OutputFormat,
    csv_row,
    jsonl_line,
    open_output,
    write_records,
)

__all__ = [
    "CSV_COLUMNS",
    "CSV_LIST_SEP",
    "CSV_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "DONE_SUFFIX",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "JSON_SUFFIXES",
    "KNOWN_SUFFIXES",
    "TEXT_KEYS",
    "TEXT_SUFFIXES",
    "JsonlJournal",
    "KeepOutput",
    "OutputFormat",
    "clean_text",
    "csv_row",
    "date_in_name",
    "document_key",
    "done_path",
    "iter_documents",
    "jsonl_line",
    "open_output",
    "write_records",
]
