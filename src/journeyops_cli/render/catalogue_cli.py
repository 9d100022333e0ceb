"""The command line's own words, in Finnish, Swedish and English: prompts, next steps,
table headings and messages of `init`, `new`, `list`, `show`, `rename` and the loader's
hints that a person reads in a terminal.

Part of the one catalogue of interface words: `render/catalogue.py` adds these entries to
its `MESSAGES`, so the catalogue test checks that every id has every language. Ids start
with `cli.` and the command's name (`cli.init.next_steps`); counted words are
`count.<what>.one` / `.other` like the pages' (`render.formats.count` picks the form). Look them up with
`cli.words.say(id, language, **values)`; placeholders are `str.format` fields (`{path}`).
"""

from __future__ import annotations

CLI_MESSAGES: dict[str, dict[str, str]] = {
    # --- init ---
    # --- new (interactive prompts) ---
    # --- list / show ---
    # --- rename / link ---
    # --- templates / starters ---
    # --- lanes ---
    # --- loader hints ---
    # --- validate (the text report's own words; findings stay `path:line:col: CODE [severity]`) ---
    "cli.validate.clean": {
        "fi": "✓ {checked} tarkistettu: ei ongelmia",
        "sv": "✓ {checked} kontrollerade: inga problem",
        "en": "✓ {checked} checked: no problems found",
    },
    "cli.validate.found": {
        "fi": "{mark} {counts} {files} ({checked} tarkistettu)",
        "sv": "{mark} {counts} i {files} ({checked} kontrollerade)",
        "en": "{mark} {counts} in {files} ({checked} checked)",
    },
    "cli.validate.hint": {"fi": "vihje:", "sv": "tips:", "en": "hint:"},
    "cli.validate.took": {"fi": " · {seconds} s", "sv": " på {seconds} s", "en": " in {seconds} s"},
    "count.errors.one": {"fi": "{n} virhe", "sv": "{n} fel", "en": "{n} error"},
    "count.errors.other": {"fi": "{n} virhettä", "sv": "{n} fel", "en": "{n} errors"},
    "count.warnings.one": {"fi": "{n} varoitus", "sv": "{n} varning", "en": "{n} warning"},
    "count.warnings.other": {"fi": "{n} varoitusta", "sv": "{n} varningar", "en": "{n} warnings"},
    "count.infos.one": {"fi": "{n} huomautus", "sv": "{n} upplysning", "en": "{n} info"},
    "count.infos.other": {"fi": "{n} huomautusta", "sv": "{n} upplysningar", "en": "{n} info"},
    "count.files.one": {"fi": "{n} tiedosto", "sv": "{n} fil", "en": "{n} file"},
    "count.files.other": {"fi": "{n} tiedostoa", "sv": "{n} filer", "en": "{n} files"},
    "count.files_in.one": {"fi": "{n} tiedostossa", "sv": "{n} fil", "en": "{n} file"},
    "count.files_in.other": {"fi": "{n} tiedostossa", "sv": "{n} filer", "en": "{n} files"},
    "count.records.one": {"fi": "{n} tietue", "sv": "{n} post", "en": "{n} record"},
    "count.records.other": {"fi": "{n} tietuetta", "sv": "{n} poster", "en": "{n} records"},
}
