"""Rules the loader reports while reading files: they document the codes of file, YAML
and schema problems. They have no check of their own on the Bank."""

from __future__ import annotations

from typing import Any

from journeyops_cli.load.codes import CODES
from journeyops_cli.rules.base import Rule


class SourceRule(Rule):
    """A code the loader reports; its name, groups and severity are the loader's data
    (load/codes.py), its docstring the documentation."""

    source = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        known = CODES[cls.code]
        cls.name, cls.groups, cls.severity = known.name, known.groups, known.severity


class YamlSyntax(SourceRule):
    """The file is not valid YAML.

    Nothing in a file that does not parse can be checked, linked or published, so the
    whole file is skipped until it is fixed.

    Failing:

        title: Apply: for daycare

    Fixed (quote a value that contains `: `):

        title: "Apply: for daycare"
    """

    code = "JO001"


class FileEncoding(SourceRule):
    """The file cannot be read as UTF-8 text.

    Journey banks are plain UTF-8 so that Finnish and Swedish letters survive every
    editor, diff and build.

    Failing: a file saved as Latin-1 or UTF-16 (`Päiväkoti` shows as `P�iv�koti`).

    Fixed: save the file as UTF-8 (without BOM).
    """

    code = "JO002"


class DuplicateKey(SourceRule):
    """A key appears twice in the same mapping.

    YAML would silently keep only one of the two values, so half of what someone wrote
    disappears without anyone noticing.

    Failing:

        title: Apply for daycare
        title: Daycare application

    Fixed: keep one `title`.
    """

    code = "JO003"


class ByteOrderMark(SourceRule):
    """The file starts with a byte order mark (BOM).

    The record is still read, but some tools show the BOM as stray characters and diffs
    become noisy.

    Failing: a file saved as "UTF-8 with BOM".

    Fixed: save it as plain UTF-8.
    """

    code = "JO004"


class YamlAlias(SourceRule):
    """The file uses YAML aliases (`*name`) beyond the allowed budget.

    An alias repeats data written elsewhere; a few hundred bytes of nested aliases can
    expand to gigabytes ("billion laughs"). Banks forbid them by default
    (`limits.max_aliases: 0`).

    Failing:

        steps:
          - id: send-application
            title: Send the application
            pain_points: &form [The form loses its data]
          - id: wait-for-decision
            title: Wait for the decision
            pain_points: *form

    Fixed: write the list out in full.
    """

    code = "JO005"


class YamlTooDeep(SourceRule):
    """The file nests mappings or lists deeper than the limit.

    Journey records are a few levels deep; very deep nesting is damaged or hostile input
    that could exhaust memory or the parser's stack. The limit is `limits.max_depth`
    (default 64).

    Failing: `[[[[[[ ... ]]]]]]` thousands of levels deep.

    Fixed: flatten the data; records never need this.
    """

    code = "JO006"


class YamlTag(SourceRule):
    """The file uses a YAML tag other than the plain data types.

    Tags such as `!!python/object` ask a reader to build program objects; a journey bank
    holds only text, numbers, true/false, lists and mappings.

    Failing:

        title: !!python/object:os.system x

    Fixed:

        title: Apply for daycare
    """

    code = "JO007"


class FileLink(SourceRule):
    """A symbolic link or folder was skipped.

    Folder links are never followed (they can loop or leave the bank), and file links that
    lead outside the bank are not read, so the bank is exactly what is in its folder.

    Failing: `journeys/shared -> ../../other-bank/journeys`.

    Fixed: copy the records into the bank, or list the path in `exclude`.
    """

    code = "JO008"


class FileTooLarge(SourceRule):
    """The file is larger than the configured limit and was not read.

    Very large files make every run slow and are usually an export pasted into the bank.
    The limit is `limits.max_file_bytes` (default 5,000,000 bytes).

    Failing: a 40 MB `insights/feedback-dump.yaml`.

    Fixed: split it into files per month or per source.
    """

    code = "JO009"


class FileEmpty(SourceRule):
    """The file holds no records.

    An empty YAML file in a bank is usually a leftover or an unsaved edit.

    Failing: an empty `journeys/new.yaml`.

    Fixed: add a record, or delete the file.
    """

    code = "JO010"


class RecordNotMapping(SourceRule):
    """A document is a list or a single value, not a record.

    Every record is a mapping with at least `kind` and `id`.

    Failing:

        - kind: Insight
          id: long-queues

    Fixed (one record per document, `---` between them):

        kind: Insight
        id: long-queues
    """

    code = "JO011"


class UnknownKind(SourceRule):
    """A record has no `kind`, or one that journeyops does not know.

    The kind decides which fields a record has; the known kinds are Theme, Journey,
    Insight, Metric, Opportunity, CustomerGroup, LifeEvent and Team.

    Failing:

        kind: Jorney

    Fixed:

        kind: Journey
    """

    code = "JO012"


class YamlReadersDisagree(SourceRule):
    """The file would mean something else, or nothing, to the commands that edit files.

    `validate` reads files with libyaml; `link`, `unlink` and `fmt` edit them with a
    round-trip parser that keeps comments. The two agree on plain YAML 1.2, but not on a
    tab after a colon (the editing parser refuses it) or on a `%YAML 1.1` directive (under
    which `NO` would become false). Such a file is reported, so that what `validate`
    passes can also be edited safely.

    Failing:

        %YAML 1.1
        ---
        title:	NO

    Fixed:

        title: "NO"
    """

    code = "JO013"


class SchemaInvalid(SourceRule):
    """A record does not match the format of its kind.

    Unknown fields, missing required fields, values of the wrong type, ids that are not
    slugs, dates that are not dates and values outside their allowed set are all reported
    here, at the offending key or value. `docs/format.md` describes every field.

    Failing:

        kind: Journey
        id: Apply_For_Daycare
        levle: mid

    Fixed:

        kind: Journey
        id: apply-for-daycare
        level: mid
    """

    code = "JO020"


class LaneValue(SourceRule):
    """A step gives one of the bank's own lanes a value that does not fit the lane.

    A bank declares its own step lanes under `lanes:` in `journeyops.yaml`, each with a
    type: `text` (one text, or one per language), `list` (a list of texts), `number` or
    `choice` (one of the lane's `choices`). A value of the wrong type, or a choice the
    lane does not declare, is reported at the value and left off maps, the site and
    workbooks until it is fixed; the rest of the journey loads as usual.

    Failing:

        # journeyops.yaml
        lanes:
          waiting_days: {type: number, title: Waiting (days)}
          channel_owner:
            type: choice
            title: Channel owner
            choices: {city: City, partner: Partner}
        # journeys/renew-parking-permit.yaml
        kind: Journey
        id: renew-parking-permit
        title: Renew a parking permit
        level: detailed
        steps:
          - id: wait-for-decision
            title: Wait for the decision
            waiting_days: two weeks
            channel_owner: town

    Fixed (a number, and one of the declared choices):

        # journeys/renew-parking-permit.yaml
        steps:
          - id: wait-for-decision
            title: Wait for the decision
            waiting_days: 14
            channel_owner: city
    """

    code = "JO021"


class ConfigInvalid(SourceRule):
    """`journeyops.yaml` is missing or does not match the configuration format.

    Without a valid configuration nothing else can be checked reliably, so commands stop
    with exit code 2.

    Failing:

        languages: finnish

    Fixed:

        languages: [fi, en]
    """

    code = "JO030"


class ConfigLane(SourceRule):
    """A lane declared under `lanes:` in `journeyops.yaml` cannot be used.

    Each lane needs an id of lowercase letters, digits and underscores that is not a
    built-in field of a step (`description`, `channels`, `pain_points`, ...), a `type`
    (text, list, number or choice) and a `title`; a choice lane lists its `choices`, and
    only a number lane has a `unit`. Like any configuration error, it stops commands with
    exit code 2.

    Failing:

        lanes:
          description: {type: text, title: Backstage}
          channel_owner: {type: choice, title: Channel owner}

    Fixed:

        lanes:
          backstage: {type: text, title: Backstage}
          channel_owner:
            type: choice
            title: Channel owner
            choices: {city: City, partner: Partner}
    """

    code = "JO031"
