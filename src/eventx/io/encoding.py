"""Text from bytes: UTF-8, UTF-16 with or without a BOM, a repaired or guessed encoding."""

from __future__ import annotations

import unicodedata

# Share of control characters above which decoded text is treated as binary data.
_CONTROL_RATIO = 0.05
_CONTROL_OK = frozenset("\t\n\r\f\v")
# A few stray NUL bytes in otherwise clean text are dropped (with a note); more mean binary data.
_NUL_RATIO = 0.001


class DecodeFailure:
    """Why bytes could not be decoded (kept apart from str so callers can tell)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


Decoded = tuple[str, str | None]  # the text, and a note when it took a guess or a repair


def decode(data: bytes) -> Decoded | DecodeFailure:
    """Text from bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else a confident guess.

    A guessed legacy encoding and dropped stray NUL bytes come back with a note.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data, "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(data, "utf-16")
    note: str | None = None
    nuls = data.count(b"\x00")
    utf16 = _bomless_utf16(data) if nuls else None
    if utf16 is not None:
        return utf16
    if nuls:
        if nuls > max(1, len(data) * _NUL_RATIO):
            return DecodeFailure("binary file (contains NUL bytes)")
        data = data.replace(b"\x00", b"")
        note = f"dropped {nuls} NUL byte(s)"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return DecodeFailure("binary file") if _looks_binary(text) else (text, note)
    repaired = _mostly_utf8(data)
    if repaired is not None:
        text, repair = repaired
        if not _looks_binary(text):
            return text, f"{note}; {repair}" if note else repair
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # Without a BOM a UTF-16/32 guess is almost always wrong for news text.
    if best is None or best.encoding.startswith(("utf_16", "utf_32")) or best.chaos > 0.1:
        return DecodeFailure("not valid UTF-8 and the encoding could not be determined")
    text = str(best)
    if _looks_binary(text):
        return DecodeFailure("binary file")
    guessed = f"not UTF-8; decoded as {best.encoding} (a guess)"
    return text, f"{note}; {guessed}" if note else guessed


def _bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 text saved without a byte order mark: NUL bytes in nearly every other place
    (the high byte of Latin characters), and the decoded text is clean."""
    sample = data[:65536]
    if len(sample) < 4:
        return None
    halves = len(sample) // 2
    for encoding, offset in (("utf-16-le", 1), ("utf-16-be", 0)):
        if sample[offset::2].count(0) < 0.6 * halves or sample[1 - offset :: 2].count(0) > 0:
            continue
        try:
            text = data[: len(data) - len(data) % 2].decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _looks_binary(text):
            name = encoding.upper()
            return text, f"no byte order mark; decoded as {name} (save it as UTF-8 to be sure)"
    return None


# Below this share of bad bytes, text with valid multi-byte UTF-8 is UTF-8 with a few
# damaged bytes (a cut, a stray Latin-1 character), not text in a legacy encoding.
_UTF8_DAMAGE_RATIO = 0.01


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """Text that is UTF-8 but for a few bad bytes: decoded with U+FFFD in their place.

    Guessing a legacy code page for the whole file instead would garble every correct
    character (a curly quote in "Mali’s" read as cp775 becomes "MaliŌĆÖs").
    """
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    wide = sum(1 for char in text if ord(char) > 0x7F and char != "\ufffd")
    if wide == 0 or bad > max(16, len(data) * _UTF8_DAMAGE_RATIO) or bad > wide:
        return None
    return text, f"not valid UTF-8: {bad} bad byte sequence(s) replaced by U+FFFD"


def _checked(data: bytes, encoding: str) -> Decoded | DecodeFailure:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        return DecodeFailure(
            f"invalid {encoding.removesuffix('-sig').upper()} at byte {error.start}"
        )
    return DecodeFailure("binary file") if _looks_binary(text) else (text, None)


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(
        1 for char in sample if char not in _CONTROL_OK and unicodedata.category(char) == "Cc"
    )
    return "\x00" in sample or controls / len(sample) > _CONTROL_RATIO
