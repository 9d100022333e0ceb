"""A YAML file as text, with what must survive an edit: its BOM and its line endings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from journeyops_cli.edit import EditError

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class TextFile:
    """The decoded text (without BOM; line endings as in the file) and how to encode it back."""

    text: str
    bom: bool
    newline: str

    def encode(self, text: str | None = None) -> bytes:
        data = (self.text if text is None else text).encode("utf-8")
        return BOM + data if self.bom else data


def decode(data: bytes, shown: str) -> TextFile:
    """Bytes of a file as a `TextFile`; an EditError when it is not UTF-8 text."""
    bom = data.startswith(BOM)
    if bom:
        data = data[len(BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise EditError(f"{shown}: not valid UTF-8; not changed") from None
    newline = "\r\n" if "\r\n" in text else "\n"
    return TextFile(text, bom, newline)


def read(path: Path, shown: str) -> TextFile:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise EditError(f"{shown}: cannot be read: {error.strerror}") from None
    return decode(data, shown)
