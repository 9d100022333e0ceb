"""Types shared by every record kind: ids, step references, translatable text."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, StringConstraints
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
STEP_REF_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}#[a-z0-9][a-z0-9-]{0,63}$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}$"

Slug = Annotated[
    str,
    StringConstraints(strict=True, pattern=SLUG_PATTERN),
    # No description here: a type-level description would replace each field's own.
    Field(examples=["apply-for-daycare"]),
]
StepRef = Annotated[
    str,
    StringConstraints(strict=True, pattern=STEP_REF_PATTERN),
    Field(examples=["daycare-application#submit-application"]),
]
LanguageCode = Annotated[
    str,
    StringConstraints(strict=True, pattern=LANGUAGE_PATTERN),
    Field(description="An ISO 639 language code such as `fi`, `sv` or `en`."),
]


def _date_text(value: Any) -> Any:
    # YAML 1.2 reads 2025-03-31 as text; a number here would otherwise be taken as a
    # Unix timestamp, which nobody means.
    if isinstance(value, str | dt.date):
        return value
    raise PydanticCustomError("date_type", "Input should be a valid date")


Date = Annotated[
    dt.date,
    BeforeValidator(_date_text),
    Field(examples=["2025-03-31"]),
]

PlainText = Annotated[str, StringConstraints(strict=True, min_length=1)]

# Text shown to people: a plain string, or one string per language of the bank.
Text = Annotated[
    PlainText | dict[LanguageCode, PlainText],
    Field(examples=["Apply for daycare", {"fi": "Hakemus", "en": "Application"}]),
]


class Strict(BaseModel):
    """Base for every model read from a bank: unknown fields are errors."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=False,
        str_strip_whitespace=False,
        populate_by_name=False,
        validate_default=False,
        use_attribute_docstrings=True,
    )


class Record(Strict):
    """A top-level record of a journey bank: every record has a kind and an id."""

    KIND: ClassVar[str] = ""
    kind: str
    """The record kind."""
    id: Slug
    """Unique among the records of this kind; becomes part of URLs and file names."""

    _path: str = PrivateAttr("")
    _document: int = PrivateAttr(0)

    @property
    def source_path(self) -> str:
        """The bank-relative path of the file the record was read from."""
        # Straight from pydantic's slot: `self._path` goes through BaseModel.__getattr__,
        # which the rules would pay for on every record.
        return self.__pydantic_private__["_path"]  # type: ignore[index,no-any-return]

    @property
    def source_document(self) -> int:
        """The 0-based index of the record's document in its file."""
        return self.__pydantic_private__["_document"]  # type: ignore[index,no-any-return]

    def references(self) -> list[tuple[tuple[Any, ...], str, str]]:
        """Every reference this record makes: (field path, target kind, target id)."""
        return []


class _Combining(dict[int, "int | None"]):
    """A `str.translate` table that drops combining marks, each character looked up in
    `unicodedata` once."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_DROP_COMBINING = _Combining()


def without_marks(text: str) -> str:
    """`text` decomposed (NFKD) without its combining marks: `Päätös` -> `Paatos`."""
    return unicodedata.normalize("NFKD", text).translate(_DROP_COMBINING)


def text_values(text: str | dict[str, str] | None) -> list[str]:
    """All strings of a text, whatever its form."""
    if text is None:
        return []
    if isinstance(text, str):
        return [text]
    return list(text.values())


def pick_text(text: str | dict[str, str] | None, language: str, fallback: list[str]) -> str:
    """The text in `language`, else in the first of `fallback` that has it."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if language in text:
        return text[language]
    for lang in fallback:
        if lang in text:
            return text[lang]
    return next(iter(text.values()), "")
