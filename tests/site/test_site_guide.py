"""The playbook on the site (`site/guide.py`): its pages in the page's language (English,
marked, on a language without a guide), in the navigation, on the home page and in the
search index, and rebuilt when the guide changes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from tests.runner import run_cli
from tests.site.conftest import search_entries

from journeyops_cli.render.i18n import strings
from journeyops_cli.site.guide import chapter_names, guide


def test_every_chapter_has_a_page_in_every_language(built_site: Path) -> None:
    for language in ("fi", "en"):
        folder = built_site / language / "guide"
        assert sorted(p.name for p in folder.glob("*.html")) == sorted(
            ["index.html", *(f"{name}.html" for name in chapter_names())])


def test_the_finnish_guide_on_the_finnish_site(built_site: Path) -> None:
    index = (built_site / "fi/guide/index.html").read_text("utf-8")
    assert "<h1>Pelikirja</h1>" in index
    assert '<a href="roles.html">Roolit</a>' in index
    assert 'lang="en"' not in index.split("<main")[1]
    chapter = (built_site / "fi/guide/rituals.html").read_text("utf-8")
    assert "<title>Rytmit: katselmoinnit, retrot ja ohjausryhmä · " in chapter
    assert "<h1>Rytmit: katselmoinnit, retrot ja ohjausryhmä</h1>" in chapter
    assert '<a href="index.html">Pelikirja</a>' in chapter  # back to the contents
    # Its neighbours, and the code blocks as the one Markdown renderer writes them.
    assert 'rel="prev"><span class="meta">Edellinen luku</span> <span>Priorisointi</span>' in chapter
    assert 'rel="next"><span class="meta">Seuraava luku</span> <span>Julkaiseminen</span>' in chapter
    assert '<pre><code class="language-console">$ journeyops review vaka-sahkoinen-hakemus' in chapter


def test_every_page_links_to_the_playbook(built_site: Path) -> None:
    for rel, href in (("fi/index.html", "guide/index.html"), ("en/journeys/asiointi.html", "../guide/index.html"),
                      ("en/guide/roles.html", "index.html")):
        html = (built_site / rel).read_text("utf-8")
        nav = html.split('<nav class="main-nav"')[1].split("</nav>")[0]
        label = "Pelikirja" if rel.startswith("fi/") else "Playbook"
        assert re.search(rf'<a href="{re.escape(href)}"( aria-current="page")?>{label}</a>', nav), rel
    home = (built_site / "fi/index.html").read_text("utf-8")
    assert '<h2 id="playbook-h">Pelikirja</h2>' in home
    assert f"<p>{strings('fi')['playbook_intro']}</p>" in home
    assert '<a href="guide/index.html">Avaa pelikirja</a>' in home


def test_the_swedish_guide_and_a_language_without_a_guide(tmp_path: Path) -> None:
    """Swedish pages get the Swedish guide; a language without a guide (German, whose
    interface words are English) gets the English one, marked as English."""
    bank = tmp_path / "bank"
    assert run_cli("init", str(bank), "--languages", "sv,de", "--name", "Kundresor", "--no-git").returncode == 0
    assert run_cli("site", "build", "--bank", str(bank)).returncode == 0
    swedish = (bank / "site/sv/guide/evidence.html").read_text("utf-8")
    assert "<title>Underlag bredvid stegen · Kundresor</title>" in swedish
    assert '<article class="guide">\n<h1>Underlag bredvid stegen</h1>' in swedish
    assert '<span class="meta">Nästa kapitel</span> <span>Prioritering</span>' in swedish
    assert "<h1>Spelbok</h1>" in (bank / "site/sv/guide/index.html").read_text("utf-8")
    chapter = (bank / "site/de/guide/evidence.html").read_text("utf-8")
    assert '<html lang="de">' in chapter
    assert "<title>Playbook, chapter 5 · Kundresor</title>" in chapter
    assert ('<p class="meta">The playbook is not yet written in this language, so it is shown in English.</p>'
            in chapter)
    assert '<article class="guide" lang="en">\n<h1>Evidence next to the steps</h1>' in chapter
    assert '<span class="meta">Next chapter</span> <span lang="en">Prioritising</span>' in chapter
    index = (bank / "site/de/guide/index.html").read_text("utf-8")
    assert '<ol class="guide-contents" lang="en">' in index


@pytest.mark.parametrize(("languages", "page", "heading"), [("fi", "fi/guide/index.html", "Pelikirja"),
                                                         ("de,sv", "de/guide/index.html", "Playbook")])
def test_a_new_banks_readme_and_next_steps_name_the_playbook_page_of_its_site(
        tmp_path: Path, languages: str, page: str, heading: str) -> None:
    """The README points to the playbook on the bank's own site (its first language's
    pages; the English guide on a language without one), and that page is built."""
    bank = tmp_path / "bank"
    made = run_cli("init", str(bank), "--languages", languages, "--no-git")
    assert made.returncode == 0
    assert f"http://127.0.0.1:8000/{page}\n" in made.stdout
    readme = (bank / "README.md").read_text("utf-8")
    assert f"http://127.0.0.1:8000/{page}," in readme
    assert f"`{page}`." in readme
    assert "github.com" not in readme
    assert run_cli("site", "build", "--bank", str(bank)).returncode == 0
    assert f"<h1>{heading}</h1>" in (bank / "site" / page).read_text("utf-8")


def test_the_search_index_holds_the_chapters(built_site: Path) -> None:
    chapter = next(e for e in search_entries(built_site, "fi") if e["url"] == "guide/evidence.html")
    assert (chapter["kind"], chapter["title"]) == ("Pelikirja", "Näyttö vaiheiden rinnalle")
    assert "kipukohdat" in (built_site / "assets/search-fi.js").read_text("utf-8")


def test_a_change_to_the_guide_rebuilds_its_pages(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from journeyops_cli import resources
    from journeyops_cli.site import fingerprint

    before = fingerprint.code_digest.__wrapped__()
    copy = tmp_path / "guide"
    shutil.copytree(resources.guide_dir(), copy)
    chapter = copy / "fi" / "02-roles.md"
    chapter.write_text(chapter.read_text("utf-8") + "\nUusi kappale.\n", "utf-8")
    monkeypatch.setattr(resources, "guide_dir", lambda: copy)
    assert fingerprint.code_digest.__wrapped__() != before


def test_chapter_titles_are_their_first_lines() -> None:
    for language in ("fi", "sv", "en"):
        for chapter, path in zip(guide(language).chapters,
                                 sorted((Path(__file__).parents[2] / "docs/guide" / language).glob("*.md")),
                                 strict=True):
            assert path.read_text("utf-8").splitlines()[0] == f"# {chapter.title}"


@pytest.mark.parametrize(("name", "text", "message"), [
    ("roles.md", "# Roles\n", "guide chapter 'roles.md': name it NN-name.md (a two-digit number, a slug)"),
    ("02-roles.md", "Roles\n", "guide chapter '02-roles.md': its first line must be its title, `# Title`"),
])
def test_a_chapter_named_or_titled_wrongly_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                      name: str, text: str, message: str) -> None:
    from journeyops_cli.site import guide as module

    (tmp_path / "en").mkdir()
    (tmp_path / "en" / name).write_text(text, "utf-8")
    monkeypatch.setattr(module, "guide_dir", lambda: tmp_path)
    with pytest.raises(ValueError) as raised:
        module.guide.__wrapped__("en")
    assert str(raised.value) == message
