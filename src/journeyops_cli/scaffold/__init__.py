"""Scaffolding: `init` (a new bank) and `new` (a new record) from jinja2 templates in
`templates/init/` and `templates/records/`. Every file written reports its outcome."""

from __future__ import annotations
