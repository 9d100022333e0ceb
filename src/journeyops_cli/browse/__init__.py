"""Reading a bank the way a person asks about it: `list` (records of a kind, filtered),
`show` (one record or step with what it links to and what links to it), and the ids a
shell completes. Data in, data out: the CLI turns it into tables, text or JSON."""

from __future__ import annotations

from journeyops_cli.errors import EXIT_USAGE, JourneyopsError


def words(key: str, language: str, nearest: str | None = None, **values: object) -> str:
    """The catalogue's text `key` in `language` with `values` filled in, and `; did you
    mean 'NEAREST'?` (in that language) after it when a nearest value is known."""
    from journeyops_cli.render.i18n import message

    text = message(key, language).format(**values)
    if nearest is not None:
        text += "; " + message("cli.did_you_mean", language).format(value=nearest)
    return text


class Refused(JourneyopsError):
    """A question or an edit the bank cannot take as asked (an unknown kind, a filter value
    or an id that is not there, an id already taken). `key`, `nearest` and `values` are its
    words in the catalogue (`cli.…`), so the CLI says it in the reader's language; the
    message is the English text."""

    exit_code = EXIT_USAGE

    def __init__(self, key: str, nearest: str | None = None, **values: object) -> None:
        super().__init__(words(key, "en", nearest, **values))
        self.key = key
        self.nearest = nearest
        self.values = values

    def said(self, language: str) -> str:
        """The message in `language`."""
        return words(self.key, language, self.nearest, **self.values)
