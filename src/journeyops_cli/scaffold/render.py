"""Render the scaffolding templates with the shared text environment (strict undefined) and
the YAML quoting filters, so a title like `no`, `2024` or `a: b` stays text."""

from __future__ import annotations

from typing import Any

import jinja2

from journeyops_cli.edit.quoting import flow_item, yaml_scalar
from journeyops_cli.render.env import text_environment


def environment() -> jinja2.Environment:
    env = text_environment()
    env.filters.setdefault("yaml", yaml_scalar)
    env.filters.setdefault("yaml_item", flow_item)
    return env


def render(template: str, context: dict[str, Any]) -> str:
    """The template's output; an undefined variable raises jinja2.UndefinedError."""
    return environment().get_template(template).render(**context)
