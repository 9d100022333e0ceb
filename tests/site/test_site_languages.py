"""Every word of a Finnish or Swedish page in that language (issue 15): a crawl of the fi and
sv sites of the example bank finds no English interface string (the list is built from the
English catalogue) and no number written with the English decimal point. The bank has
findings of validation on journey pages, shown as their rule's title and hint in the page's
language; the words of every other rule are checked the same way."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from tests.site.map_bank import make_bank

from journeyops_cli.render.catalogue import MESSAGES

VOID = {"meta", "link", "br", "img", "input", "col", "hr", "source", "wbr", "area", "base", "embed", "track"}
# Formats into which a page puts its own words or numbers: kept apart from the whole words.
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


class Texts(HTMLParser):
    """The text nodes and aria-labels a reader meets, outside `lang="en"`, code and scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: whether its text is skipped
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        skip = bool(self.stack and self.stack[-1]) or tag in ("script", "style", "code", "time") or (
            found.get("lang") not in (None, "fi", "sv") and tag != "html")
        if not skip and found.get("aria-label"):
            self.texts.append(found["aria-label"] or "")
        if tag not in VOID:
            self.stack.append(skip)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]) and data.strip():
            self.texts.append(data.strip())


def english_words(language: str) -> set[str]:
    """Every English interface text that differs from its `language` text (and is a word,
    not a sign such as `–`)."""
    found = set()
    for texts in MESSAGES.values():
        english = texts["en"]
        if english != texts[language] and re.search(r"[A-Za-z]{3}", english):
            for part in PLACEHOLDER.split(english):
                if re.search(r"[A-Za-z]{4}", part) and part.strip(" :.,·()") not in ("", texts[language]):
                    found.add(part.strip())
    return found


def english_pattern(english: set[str]) -> re.Pattern[str]:
    """One pattern of every word, longest first, whole words only: a text is searched once,
    not once a word (the catalogue holds thousands of texts)."""
    words = "|".join(re.escape(word) for word in sorted(english, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from journeyops_cli.site.build import build_site

    root = tmp_path_factory.mktemp("bank")
    out = root / "site"
    build_site(make_bank(root / "bank"), out)
    return out


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_no_english_interface_string_on_a_page(site: Path, language: str) -> None:
    english = english_words(language)
    assert "Journey map" in english and "Pain points" in english  # the list is not empty
    any_word = english_pattern(english)
    found: list[str] = []
    pages = sorted((site / language).rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        parser = Texts()
        parser.feed(page.read_text("utf-8"))
        for text in parser.texts:
            if text.startswith(("http://", "https://")):
                continue  # a link's address, shown as its text
            found.extend(f"{page.relative_to(site)}: {m.group()!r} in {text!r}" for m in any_word.finditer(text))
    assert found == []


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_findings_on_journey_pages_are_in_the_page_language(site: Path, language: str) -> None:
    from journeyops_cli.render.i18n import rule_words

    page = (site / language / "journeys" / "daycare-fees-long.html").read_text("utf-8")
    codes = set(re.findall(r"<code>journeys/detailed/daycare-fees-long\.yaml:\d+:\d+ (JO\d+) ", page))
    assert {"JO206", "JO302"} <= codes  # the crawl above has findings to read
    title, hint = rule_words("JO302", language)
    assert f"{title}<br><span class=\"finding-hint\">{hint}</span>" in page
    # validate's own message stays, beneath, marked as English
    assert re.search(r'JO302 step\.unevidenced-pain</code> <span lang="en">step &#39;daycare-fees-long#', page)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_rule_title_and_hint_is_in_the_language(language: str) -> None:
    """Rules the example bank does not break show their words in the language too."""
    from journeyops_cli.render.i18n import rule_words
    from journeyops_cli.rules.registry import all_rules

    any_word = english_pattern(english_words(language))
    found = []
    for code in sorted(all_rules()):
        words = rule_words(code, language)
        assert words is not None
        parser = Texts()
        parser.feed("<p>{}</p><p>{}</p>".format(*(re.sub(r"`[^`]*`", "", text) for text in words)))
        found += [f"{code}: {m.group()!r} in {text!r}" for text in parser.texts for m in any_word.finditer(text)]
    assert found == []


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_numbers_use_the_decimal_comma(site: Path, language: str) -> None:
    found: list[str] = []
    for page in sorted((site / language).rglob("*.html")):
        parser = Texts()
        parser.feed(page.read_text("utf-8"))
        for text in parser.texts:
            # A decimal point between digits, not a Finnish date (7.12.2026).
            if text.startswith(("http://", "https://")):
                continue
            for match in re.finditer(r"(?<![\d.])\d+\.\d+(?![\d.])", text):
                found.append(f"{page.relative_to(site)}: {match.group()} in {text!r}")
    assert found == []


def test_the_crawl_would_catch_english(tmp_path: Path) -> None:
    parser = Texts()
    parser.feed('<html lang="fi"><p>Pain points</p><p lang="en">Journey map</p><code>x 2.5</code></html>')
    assert parser.texts == ["Pain points"]
    assert "Pain points" in english_words("fi")
    pattern = english_pattern(english_words("fi"))
    assert [m.group() for m in pattern.finditer("Pain points; pain-points")] == ["Pain points"]
