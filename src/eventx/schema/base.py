"""What every record shares: the strict frozen base, the schema version, ISO3 checks, ids."""

from __future__ import annotations

import hashlib

from pydantic import BaseModel, ConfigDict

SCHEMA_VERSION = "1.0"


class FrozenRecord(BaseModel):
    """An output record: unknown fields are errors, and a record never changes once made."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def check_iso3(value: str | None) -> str | None:
    """Three upper-case letters (ISO 3166-1 alpha-3, or a user's own code like 'FRD')."""
    if value is not None and not (
        len(value) == 3 and value.isascii() and value.isalpha() and value.isupper()
    ):
        raise ValueError(f"country must be a three-letter upper-case code, got {value!r}")
    return value


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex digest of the parts, stable across runs and machines."""
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:length]
