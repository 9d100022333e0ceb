"""The command line's own words, in Finnish, Swedish and English: prompts, next steps,
table headings and messages of `init`, `new`, `list`, `show`, `rename` and the loader's
hints that a person reads in a terminal.

Part of the one catalogue of interface words: `render/catalogue.py` adds these entries to
its `MESSAGES`, so the catalogue test checks that every id has every language. Ids start
with `cli.` and the command's name (`cli.init.next_steps`). Look them up with
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
}
