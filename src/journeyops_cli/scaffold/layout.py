"""Where each kind of record lives in a bank, and the schema line written at its top."""

from __future__ import annotations

import os
from pathlib import PurePosixPath

FOLDERS = (
    "themes",
    "journeys/top",
    "journeys/mid",
    "journeys/detailed",
    "insights",
    "metrics",
    "opportunities",
    "vocabulary",
)

_FOLDER_OF = {
    "theme": "themes",
    "insight": "insights",
    "metric": "metrics",
    "opportunity": "opportunities",
    "customer-group": "vocabulary/customer-groups",
    "life-event": "vocabulary/life-events",
    "team": "vocabulary/teams",
}


def record_path(kind_slug: str, record_id: str, level: str | None = None) -> str:
    """The bank-relative path of a new record: `journeys/<level>/<id>.yaml`,
    `insights/<id>.yaml`, `vocabulary/teams/<id>.yaml`, …"""
    if kind_slug == "journey":
        return f"journeys/{level}/{record_id}.yaml"
    return f"{_FOLDER_OF[kind_slug]}/{record_id}.yaml"


def schema_ref(path: str, schema: str) -> str:
    """The relative path from the file at `path` to `schemas/<schema>.schema.json`."""
    folder = PurePosixPath(path).parent.as_posix()
    return os.path.relpath(f"schemas/{schema}.schema.json", folder).replace(os.sep, "/")
