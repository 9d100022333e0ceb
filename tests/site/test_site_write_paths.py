"""The site writes only plain relative paths inside its output folder: the fast check of
the site's own paths (`write._PLAIN_PATH`) accepts nothing the part-by-part check refuses."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeyops_cli.site.links import UnsafeId
from journeyops_cli.site.write import _PLAIN_PATH, plain


def checked_part_by_part(rel: str) -> bool:
    parts = rel.split("/")
    return not (
        rel != posixpath.normpath(rel) or rel.startswith("/")
        or any(p in ("", ".", "..") or "\\" in p or "\x00" in p for p in parts)
    )


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ab1_.-/\\\x00 é", max_size=12))
def test_the_fast_check_accepts_only_plain_paths(rel: str) -> None:
    if _PLAIN_PATH.fullmatch(rel):
        assert checked_part_by_part(rel)
    if checked_part_by_part(rel):
        assert plain(rel) == rel.split("/")
    else:
        with pytest.raises(UnsafeId):
            plain(rel)


@pytest.mark.parametrize(
    "rel", ["fi/insights/a.html", "assets/search-fi.js", "index.html", "sv/guide/01-pelikirja.html"]
)
def test_the_sites_own_paths_take_the_fast_check(rel: str) -> None:
    assert _PLAIN_PATH.fullmatch(rel)


@pytest.mark.parametrize("rel", ["../x", "a/../b", "/etc/x", "a//b", "a/./b", ".hidden/x", "a\\b", "a\x00b", "a/"])
def test_anything_else_is_checked_part_by_part(rel: str) -> None:
    assert not _PLAIN_PATH.fullmatch(rel)
