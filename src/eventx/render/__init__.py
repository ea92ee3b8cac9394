"""Rich tables, progress and summaries for the terminal: the only library package that draws.

Every name is importable from `eventx.render`; the modules split them by command.
"""

from __future__ import annotations

from .entities import entities_table, info_table
from .events import STATUS_STYLE, events_table, events_view, evidence_lines
from .scores import (
    calibration_table,
    detection_table,
    error_table,
    field_error_table,
    field_table,
    render_report,
    report_view,
)
from .summary import summary_view
from .terminal import error_line, print_data, run_progress, summary_line, warning_line

__all__ = [
    "STATUS_STYLE",
    "calibration_table",
    "detection_table",
    "entities_table",
    "error_line",
    "error_table",
    "events_table",
    "events_view",
    "evidence_lines",
    "field_error_table",
    "field_table",
    "info_table",
    "print_data",
    "render_report",
    "report_view",
    "run_progress",
    "summary_line",
    "summary_view",
    "warning_line",
]
