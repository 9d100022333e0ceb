"""Everything that changes files a person wrote: surgical edits, the formatter, atomic writes.

The promise: nothing outside the intended change moves. Every edit is re-read with the
read path (`load.yaml_read.parse`) and checked before it is written; a check that fails
refuses the edit and leaves the file byte-for-byte as it was.
"""

from __future__ import annotations

from journeyops_cli.errors import EXIT_FINDINGS, JourneyopsError


class EditError(JourneyopsError):
    """An edit was refused or could not be written; the message says why. Nothing changed."""

    exit_code = EXIT_FINDINGS
