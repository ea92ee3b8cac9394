"""eventx: extract diplomatic events from news text as validated records."""

from __future__ import annotations

__version__ = "0.1.0"
