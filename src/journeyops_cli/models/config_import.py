"""The `import:` section of `journeyops.yaml`: named profiles for `journeyops import insights`
(which column of a feedback or survey export holds what)."""

from __future__ import annotations

import re
from typing import Literal

from journeyops_cli.models.base import Slug, Strict
from journeyops_cli.models.insight import Confidence, InsightType, Severity

ImportField = Literal[
    "id", "date", "title", "summary", "type", "source", "severity", "confidence", "step", "customer_group", "link"
]

STEP_SEPARATORS = re.compile(r"[\n,;]+")
"""What separates the steps (`journey-id#step-id`) of one step cell, or of one value of
a profile's `values: {step: …}`."""


class ImportProfile(Strict):
    """How the rows of one kind of export become insights."""

    columns: dict[ImportField, str] = {}
    """Which column holds each field, by its header: `{date: Päivämäärä, summary: Palaute}`.
    `summary` and `date` are needed; `title` defaults to the summary's first sentence."""
    type: InsightType = "feedback"
    """The insights' type when no column gives it."""
    source: str | None = None
    """The insights' source when no column gives it (default: the file's name)."""
    severity: Severity | None = None
    """The severity when no column gives it (default: the model's, `medium`)."""
    confidence: Confidence | None = None
    """The confidence when no column gives it."""
    values: dict[ImportField, dict[str, str]] = {}
    """Values of the export mapped to ours, per field: `{severity: {Kiireellinen: high}}`."""
    steps: list[str] = []
    """Steps (`journey-id#step-id`) every imported insight links to."""
    group: Literal["month", "source"] = "month"
    """One file of insights per month of their date, or per source."""
    folder: str = "insights"
    """Where the files go, relative to the bank root."""
    prefix: Slug | None = None
    """The start of the files' names and the insights' ids (default: the profile's name)."""
    privacy: Literal["mask", "refuse"] = "refuse"
    """A row with personal data (what the privacy rules detect) is refused, or imported
    with the data masked."""
    delimiter: str | None = None
    """The CSV delimiter (default: found from the file)."""
    encoding: str | None = None
    """The CSV encoding (default: UTF-8, with or without BOM, else cp1252)."""
