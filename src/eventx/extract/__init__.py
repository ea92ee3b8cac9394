"""Pure extraction: a parsed Doc plus its document context in, validated event records out."""

from __future__ import annotations

from .event import doc_events

__all__ = ["doc_events"]
