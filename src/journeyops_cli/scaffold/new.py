"""`journeyops new KIND`: a new record from its template, from values given as options or
answered at a prompt. The record is checked (schema by the loader, references against the
bank) before anything is written, and never overwrites a file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from journeyops_cli.bank import Bank
from journeyops_cli.edit import EditError
from journeyops_cli.edit.verify import errors_in, failing_in_new_file
from journeyops_cli.models import KIND_SLUGS, Insight, Journey, Metric
from journeyops_cli.models.base import text_values
from journeyops_cli.models.insight import InsightType
from journeyops_cli.models.journey import Level
from journeyops_cli.scaffold.bank_templates import render_record
from journeyops_cli.scaffold.layout import record_path, schema_ref
from journeyops_cli.scaffold.outcome import PlannedFile
from journeyops_cli.slug import is_slug, slugify
from journeyops_cli.suggest import did_you_mean

KIND_BY_SLUG = {slug: kind for kind, slug in KIND_SLUGS.items()}
LEVELS: tuple[str, ...] = Level.__args__  # type: ignore[attr-defined]
INSIGHT_TYPES: tuple[str, ...] = InsightType.__args__  # type: ignore[attr-defined]
PARENT_LEVEL = {"mid": "top", "detailed": "mid"}

# The fields each kind takes from the command line, in template order.
FIELDS: dict[str, tuple[str, ...]] = {
    "theme": ("title", "id", "description", "owner", "team"),
    "journey": ("title", "id", "level", "description", "theme", "parent", "owner", "team",
                "status", "state", "improves", "steps", "step_parents", "customer_groups", "life_events",
                "cx_goals"),
    "insight": ("title", "id", "type", "source", "date", "summary", "evidence", "severity",
                "confidence", "steps"),
    "metric": ("title", "id", "description", "unit", "direction", "target", "source", "steps"),
    "opportunity": ("title", "id", "problem", "idea", "status", "owner", "team", "steps",
                    "insights", "metrics", "estimates"),
    "customer-group": ("title", "id", "description"),
    "life-event": ("title", "id", "description"),
    "team": ("title", "id", "description", "contact"),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "journey": ("title", "level", "parent", "steps", "step_parents"),
    "insight": ("title", "type", "source", "summary"),
    "metric": ("title", "unit"),
    "opportunity": ("title", "problem"),
}
ID_RULE = (
    "an id is 1 to 64 characters: lowercase letters a-z, digits and hyphens, "
    "starting with a letter or a digit"
)
OPTION = {
    "step_parents": "--step-parents",
    "steps": "--steps",
}


def option_name(name: str, kind: str) -> str:
    if name == "steps" and kind != "journey":
        return "--link-step"
    if name in ("insights", "metrics"):
        return "--" + name[:-1]
    return OPTION.get(name, "--" + name.replace("_", "-"))


class FieldError(EditError):
    """An EditError about one value of the new record: `field` names it (a key of FIELDS),
    so a caller that took the values from elsewhere (a workbook) can point at their place."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


class RuleRefusal(EditError):
    """The new record would not pass `validate`: `code` is the rule of the first finding
    (which value it is about is not known: the file is not on disk to place it)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(slots=True)
class NewRecord:
    """The values of a record being made; `steps` of a journey are titles until built.
    A text may be a plain string (the bank's first language) or one string per language,
    step titles and CX goals alike; `estimates` maps an estimate's name to its number.
    A journey's `step_details` (optional) holds one mapping per step with more than its
    title: its `id` and the lanes of `STEP_LANES` (a workbook's new journey)."""

    kind: str
    values: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str) -> Any:
        return self.values.get(name)


def _required(record: NewRecord, name: str, bank: Bank | None) -> bool:
    if name == "theme":
        return _needs_theme(record, bank)
    if name == "parent":
        return record.get("level") in PARENT_LEVEL
    if name == "step_parents":
        return bool(record.get("parent")) and bool(record.get("steps"))
    return name in REQUIRED.get(record.kind, ("title",))


def _needs_theme(record: NewRecord, bank: Bank | None) -> bool:
    """A mid or detailed journey belongs to an anchor theme (JO208): `--theme` is needed
    unless the parent has one to inherit. Without `--parent`, a mid journey's parent is a
    top journey (which spans themes); a detailed one's is a mid journey (which has one)."""
    if record.kind != "journey" or record.get("theme") or record.get("level") not in PARENT_LEVEL:
        return False
    parent_id = record.get("parent")
    if not parent_id:
        return record.get("level") == "mid"
    parent = bank.get(Journey, parent_id) if bank is not None else None
    return parent is not None and not parent.theme  # an unknown parent is named by build()


def first_text(text: Any) -> str:
    """The text in the bank's first language (a per-language text lists it first): the one
    an id is made from."""
    values = text_values(text)
    return values[0] if values else ""


def id_problem(record: NewRecord) -> str | None:
    """Why the given `--id` (or the id made from the title) cannot be used, or None."""
    given, title = record.get("id"), first_text(record.get("title"))
    if given is not None and not is_slug(given):
        return f"--id {given}: not an id; {ID_RULE}"
    if given is None and title and not is_slug(slugify(title)):
        return f"cannot make an id from the title '{title}'; give one with --id ({ID_RULE})"
    return None


def missing(record: NewRecord, bank: Bank | None = None) -> list[str]:
    """Options that must be given (for `--no-input` and runs without a terminal); `bank`
    tells whether a child journey's parent has a theme to inherit."""
    names: list[str] = []
    for name in FIELDS[record.kind]:
        if not _required(record, name, bank):
            continue
        value = record.get(name)
        if name == "step_parents":
            if value is None or len(value) < len(record.get("steps") or []):
                names.append(option_name(name, record.kind))
        elif value in (None, "", []):
            names.append(option_name(name, record.kind))
    if record.kind == "journey" and record.get("level") is None and "--parent" not in names:
        names.append("--parent (for mid and detailed journeys)")
    return names


def split_list(value: str | list[str] | None) -> list[str]:
    """`"Find,Apply, Wait"` (or repeated options) as a list of stripped, non-empty parts."""
    if value is None:
        return []
    parts = [value] if isinstance(value, str) else value
    return [p.strip() for part in parts for p in part.split(",") if p.strip()]


def _nearest(value: str, candidates: list[str]) -> str:
    return f"; {hint}" if (hint := did_you_mean(value, candidates)) else ""


def from_improved(record: NewRecord, bank: Bank) -> None:
    """A target journey (`--improves ID`) starts from the journey it improves: its level,
    parent, theme and, when no steps are given, its steps (ids, titles and parent steps),
    so that the as-is and to-be curves line up step by step. `--state` defaults to
    `target`. Values given stay; FieldError (with the nearest id) for an unknown id."""
    if record.kind != "journey" or not record.get("improves"):
        return
    _check_ref(bank, "Journey", record.get("improves"), "journey", "improves")
    improved = bank.get(Journey, record.get("improves"))
    assert improved is not None
    values = record.values
    if not values.get("state"):
        values["state"] = "target"
    for name in ("level", "parent", "theme"):
        if not values.get(name) and getattr(improved, name):
            values[name] = getattr(improved, name)
    if not values.get("steps") and not values.get("step_details"):
        values["steps"] = [first_text(step.title) for step in improved.steps]
        values["step_parents"] = [step.parent_step or "" for step in improved.steps] if improved.parent else []
        values["step_details"] = [
            {"id": step.id, "title": step.title, "parent_step": step.parent_step} for step in improved.steps
        ]


def _check_state(bank: Bank, values: dict[str, Any]) -> None:
    """`--state current|target`; `--improves` names a journey of the bank and makes the
    journey a target one."""
    state, improves = values.get("state"), values.get("improves")
    if state not in (None, "current", "target"):
        raise FieldError(f"--state {state}: use current or target", "state")
    if improves:
        if state == "current":
            raise FieldError("--improves is for a target journey: use --state target, or leave --state out",
                             "improves")
        _check_ref(bank, "Journey", improves, "journey", "improves")
        values["state"] = "target"


def _check_ref(bank: Bank, kind: str, value: str | None, what: str, name: str | None = None) -> None:
    """FieldError for `value` when the bank has no `kind` of that id; `name` is the field
    (default: `what`, the word the message uses)."""
    if value and bank.get_kind(kind, value) is None:
        raise FieldError(f"no {what} '{value}' in the bank{_nearest(value, bank.ids(kind))}", name or what)


def _step_ids(titles: list[Any]) -> list[str]:
    ids: list[str] = []
    for title in titles:
        base = slugify(first_text(title)) or "step"
        candidate, n = base, 2
        while candidate in ids:
            candidate, n = f"{base}-{n}", n + 1
        ids.append(candidate)
    return ids


def build(record: NewRecord, bank: Bank, today: dt.date | None = None) -> PlannedFile:
    """The new record's file, checked; an EditError says what is wrong (nothing is written)."""
    values = dict(record.values)
    kind = KIND_BY_SLUG[record.kind]
    problem = id_problem(record)
    if problem:
        raise FieldError(problem, "id")
    record_id = values.get("id") or slugify(first_text(values.get("title")))
    existing = bank.get_kind(kind, record_id)
    if existing is not None:
        raise FieldError(
            f"{record.kind} '{record_id}' already exists in {existing.source_path}; "
            "choose another --id or --title", "id"
        )
    level = values.get("level")
    if record.kind == "journey" and level not in LEVELS:
        raise FieldError(f"--level {level}: use one of {', '.join(LEVELS)}", "level")
    path = record_path(record.kind, record_id, level)
    if (bank.root / path).exists():
        raise FieldError(f"{path} already exists; choose another --id", "id")
    if record.kind == "journey":
        _check_state(bank, values)
    parent = bank.get(Journey, values.get("parent") or "")
    if record.kind == "journey" and not values.get("theme") and parent is not None:
        values["theme"] = parent.theme  # a child belongs to its parent's theme
    _check_ref(bank, "Theme", values.get("theme"), "theme")
    _check_ref(bank, "Team", values.get("team"), "team")
    for name, target in (("customer_groups", "CustomerGroup"), ("life_events", "LifeEvent")):
        for ref in values.get(name) or []:
            _check_ref(bank, target, ref, name)
    context: dict[str, Any] = {name: values.get(name) for name in FIELDS[record.kind]}
    context.update(id=record_id, schema=schema_ref(path, record.kind), fields=context)
    if record.kind == "journey":
        # Only an active journey is vouched for by whoever adds it; a draft has not been
        # reviewed by anyone yet (`journeyops review` records that when it happens).
        active = values.get("status") == "active"
        context["reviewed"] = (today or dt.date.today()).isoformat() if active else None
        context["steps"] = _journey_steps(values, bank)
    else:
        refs = split_list(values.get("steps"))
        for ref in refs:
            if bank.step(ref) is None:
                raise FieldError(f"no step '{ref}' in the bank{_nearest(ref, bank.step_refs())}", "steps")
        context["steps"] = refs
    if record.kind == "insight":
        context["date"] = values.get("date") or (today or dt.date.today()).isoformat()
        try:
            dt.date.fromisoformat(context["date"])
        except ValueError:
            raise EditError(f"--date {context['date']}: write the date as YYYY-MM-DD") from None
    if record.kind == "opportunity":
        for name, model in (("insights", Insight), ("metrics", Metric)):
            context[name] = split_list(values.get(name))
            for ref in context[name]:
                _check_ref(bank, model.KIND, ref, name[:-1], name)
        context["fields"] = context
    if record.kind == "metric" and values.get("target") not in (None, ""):
        try:
            context["target"] = float(values["target"])
        except ValueError:
            raise EditError(f"--target {values['target']}: give a number") from None
    text = render_record(bank, record.kind, context, path, record_id)
    errors = errors_in(text, path, bank.config.limits)
    if errors:
        raise EditError(f"the new {record.kind} would not be valid: {errors[0].split(': ', 1)[1]}")
    failing = failing_in_new_file(bank, path, text)
    if failing:
        first = failing[0]
        raise RuleRefusal(
            f"the new {record.kind} would not pass `journeyops validate`: {first.code} {first.message}"
            + (f" ({first.hint})" if first.hint else "")
            + "; nothing was written",
            first.code,
        )
    return PlannedFile(path, text.encode("utf-8"))


STEP_LANES = ("description", "cx_goals", "channels", "touchpoints", "customer_actions", "emotion", "pain_points")
"""What a new journey's step may hold besides its id, title and parent step (in the
template's order)."""


def _journey_steps(values: dict[str, Any], bank: Bank) -> list[dict[str, Any]]:
    details: list[dict[str, Any]] | None = values.get("step_details")
    titles: list[Any]
    if details is not None:  # titles as they are (a comma is no separator here)
        titles = [d["title"] if isinstance(d["title"], dict) else str(d["title"]) for d in details]
        parents = [str(d["parent_step"]) for d in details if d.get("parent_step")]
    else:
        given = values.get("steps") or []
        # titles answered in several languages are mappings already; a comma splits the others
        titles = given if any(isinstance(t, dict) for t in given) else split_list(given)
        parents = split_list(values.get("step_parents"))
    if not titles:
        raise FieldError("a journey needs at least one step; give them with --steps \"Find,Apply\"", "steps")
    level = values.get("level")
    parent_id = values.get("parent")
    wanted = PARENT_LEVEL.get(level or "")
    parent: Journey | None = None
    if parent_id:
        parent = bank.get(Journey, parent_id)
        if parent is None:
            raise FieldError(
                f"no journey '{parent_id}' in the bank{_nearest(parent_id, bank.ids('Journey'))}", "parent"
            )
        if wanted and parent.level != wanted:
            raise FieldError(f"the parent of a {level} journey must be a {wanted} journey; "
                             f"'{parent_id}' is {parent.level}", "parent")
        if len(parents) != len(titles):
            raise FieldError(
                f"--step-parents names {len(parents)} parent step(s) for {len(titles)} step(s); "
                "give one per step", "step_parents"
            )
        known = [s.id for s in parent.steps]
        for step_parent in parents:
            if step_parent not in known:
                raise FieldError(
                    f"'{parent_id}' has no step '{step_parent}'{_nearest(step_parent, known)}", "step_parents"
                )
    elif parents:
        raise FieldError("--step-parents needs --parent", "step_parents")
    ids = _step_ids(titles)
    steps = []
    for i, (sid, title) in enumerate(zip(ids, titles, strict=True)):
        more = details[i] if details is not None else {}
        step = {"id": more.get("id") or sid, "title": title, "parent_step": parents[i] if parent else None}
        step.update({lane: more.get(lane) for lane in STEP_LANES})
        # The bank's own lanes (journeyops.yaml `lanes:`), as a workbook's new journey gives them.
        step["own"] = {lane: more[lane] for lane in bank.config.lanes if more.get(lane) not in (None, "", [])}
        steps.append(step)
    return steps
