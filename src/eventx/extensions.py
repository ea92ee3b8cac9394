"""Every custom Doc/Span/Token attribute eventx uses, registered once and prefixed `eventx_`."""

from __future__ import annotations

from spacy.tokens import Doc


def register() -> None:
    """Register eventx's extension attributes; safe to call more than once."""
    if not Doc.has_extension("eventx_triggers"):
        # (token index, trigger rule id) pairs found by the eventx_events component.
        Doc.set_extension("eventx_triggers", default=None)


register()
