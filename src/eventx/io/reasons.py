"""One-line reasons for operating-system errors, as input and output messages give them."""

from __future__ import annotations


def os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if error.strerror:
        return error.strerror[:1].lower() + error.strerror[1:]
    return str(error)
