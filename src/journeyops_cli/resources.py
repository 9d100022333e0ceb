"""Files the tool reads at run time (templates, schemas, the playbook), found the same way
whether journeyops runs from a wheel (inside the package, `_data/`) or from a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

# Where a folder lives in a checkout when it is not at the top (pyproject's force-include
# puts each one under `_data/NAME` in the wheel).
_CHECKOUT = {"guide": "docs/guide"}


@cache
def data_dir(name: str) -> Path:
    """The folder `templates`, `schemas` or `guide`: packaged copy first, then the checkout's."""
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE.parent.parent / _CHECKOUT.get(name, name)
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"journeyops is installed without its {name} folder")


def templates_dir() -> Path:
    return data_dir("templates")


def schemas_dir() -> Path:
    return data_dir("schemas")


def guide_dir() -> Path:
    """The playbook: a folder of Markdown chapters per language (`docs/guide/fi/*.md`)."""
    return data_dir("guide")


GUIDE_INDEX = "guide/index.html"
"""The playbook's contents page in each page language's folder of a built site."""


def guide_index_page(language: str) -> str:
    """The playbook's contents page in `language`, as a path from the built site's root
    (`fi/guide/index.html`): where the site puts it (`site/guide`), and what a bank's README
    and `init`'s next steps point to."""
    return f"{language}/{GUIDE_INDEX}"
