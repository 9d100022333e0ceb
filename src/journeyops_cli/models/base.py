"""Types shared by every record kind: ids, step references, translatable text."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, StringConstraints
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
STEP_REF_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}#[a-z0-9][a-z0-9-]{0,63}$"
LANGUAGE_CODE = r"[a-z]{2,3}"
LANGUAGE_PATTERN = rf"^{LANGUAGE_CODE}$"


def is_language_code(code: object) -> bool:
    """True for a language code as a bank's `languages:` takes it (`fi`, `sv`, `en`)."""
    return isinstance(code, str) and re.fullmatch(LANGUAGE_CODE, code) is not None


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

    def model_post_init(self, context: Any, /) -> None:
        """Share the set of fields given with every model of the same fields.

        pydantic keeps one such set per model (a few hundred bytes each); a bank of
        2,000 journeys holds about 80,000 models but only a few hundred different sets,
        so one copy each saves about 40 MB. A model whose fields are assigned later gets
        its own set again first (`__setattr__`)."""
        given = self.__pydantic_fields_set__
        shared = _FIELDS_GIVEN.setdefault(frozenset(given), given)
        if shared is not given:
            object.__setattr__(self, "__pydantic_fields_set__", shared)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in type(self).model_fields and name not in self.__pydantic_fields_set__:
            # pydantic adds `name` to the set: not to the one the other models share.
            object.__setattr__(self, "__pydantic_fields_set__", set(self.__pydantic_fields_set__))
        super().__setattr__(name, value)


# The fields-given sets that models share (`Strict.model_post_init`), by their content.
_FIELDS_GIVEN: dict[frozenset[str], set[str]] = {}


# A record's reference: (field path, target kind or "step", target id).
Reference = tuple[tuple[Any, ...], str, str]
# In a reference pattern: every item of a list.
ANY = "*"


class Record(Strict):
    """A top-level record of a journey bank: every record has a kind and an id."""

    KIND: ClassVar[str] = ""
    REFERENCES: ClassVar[tuple[tuple[tuple[str, ...], str], ...]] = ()
    """Where the kind's references stand: (field path, field names alternating with `ANY`
    for every item of a list; target kind or "step"). Read from a record and from the raw data of one that failed
    validation alike (`references_in`)."""
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

    def references(self) -> list[Reference]:
        """Every reference this record makes: (field path, target kind, target id)."""
        return references_in(self, self.REFERENCES)


def references_in(value: Any, patterns: tuple[tuple[tuple[str, ...], str], ...]) -> list[Reference]:
    """The references at `patterns` (a kind's `REFERENCES`) in a record or in raw data: a
    non-empty text at the end of each pattern's path is a reference; anything else there
    is not (the schema reports it)."""
    found: list[Reference] = []
    _follow(value, patterns, (), found)
    return found


def _follow(
    value: Any, patterns: tuple[tuple[tuple[str, ...], str], ...], path: tuple[Any, ...], found: list[Reference]
) -> None:
    """Each pattern from `value` (a model or raw data), where it starts with a field name;
    then every item of a list where `ANY` follows, and the rest of the pattern from each."""
    # A model's fields are in its __dict__ (quicker than getattr: this is a hot path).
    fields = value if type(value) is dict else getattr(value, "__dict__", None)
    if fields is None:
        return
    for pattern, kind in patterns:
        child = fields.get(pattern[0])
        if not child:
            continue
        if len(pattern) == 1:
            if type(child) is str:
                found.append(((*path, pattern[0]), kind, child))
        elif type(child) is list:  # pattern[1] is ANY: field names alternate with ANY
            where = (*path, pattern[0])
            if len(pattern) == 2:  # a list of references, the common case
                found += [
                    ((*where, index), kind, item) for index, item in enumerate(child) if item and type(item) is str
                ]
            else:
                rest = ((pattern[2:], kind),)
                for index, item in enumerate(child):
                    _follow(item, rest, (*where, index), found)


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
