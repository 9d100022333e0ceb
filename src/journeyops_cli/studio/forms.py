"""What each studio form asks the edit path to do.

Every function takes the bank as loaded and the submitted form (name -> values, as the
browser sent them) and returns a `Changeset`: nothing is written here. New records are
made by `scaffold.new.build` (the template of `journeyops new`), field changes are
`edit.fields` edits (round-trip text edits, checked), and `studio.save` checks the whole
bank before it writes. A value a person typed wrongly is a FormError: a message of the
interface catalogue, said in the page's language.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

from journeyops_cli.bank import Bank
from journeyops_cli.bank.pointers import pointing_at
from journeyops_cli.edit import EditError
from journeyops_cli.edit.changeset import Changeset
from journeyops_cli.edit.fields import AppendItem, Edit, MoveItem, RemoveItem, SetValue, apply_edits, list_edits
from journeyops_cli.edit.link import field_for
from journeyops_cli.edit.textfile import read
from journeyops_cli.edit.verify import data_of
from journeyops_cli.models import Insight, Journey, Metric
from journeyops_cli.models.base import Record, pick_text
from journeyops_cli.models.lanes import Lane
from journeyops_cli.render.i18n import message
from journeyops_cli.scaffold.new import NewRecord, build, from_improved
from journeyops_cli.scaffold.render import TemplateError
from journeyops_cli.slug import is_slug, slugify

Form = Mapping[str, Sequence[str]]

EMOTIONS = (-2, -1, 0, 1, 2)
STEP_ROWS = 6
"""Rows for new steps in the new-journey form (more with `?rows=N`)."""


class FormError(EditError):
    """A value typed wrongly in a studio form: a catalogue message (`form.…`) and its
    values, said in the page's language by `text`; the message is the English text."""

    def __init__(self, key: str, field: str | None = None, **values: str) -> None:
        self.key = key
        self.field = field
        self.values = values
        super().__init__(self.text("en"))

    def text(self, language: str) -> str:
        named = {"field": message(self.field, language)} if self.field else {}
        return message(self.key, language).format(**named, **self.values)


def said(error: EditError, language: str) -> str:
    """What an edit's refusal says on a page in `language` (the edit path's own refusals
    are English, as on the command line; a form's and a bank template's are the catalogue's)."""
    return error.text(language) if isinstance(error, FormError | TemplateError) else error.message


def one(form: Form, name: str) -> str:
    """The form's value for `name`, stripped ("" when missing)."""
    values = form.get(name) or [""]
    return values[0].strip()


def many(form: Form, name: str) -> list[str]:
    """Every non-empty value of `name` (checkboxes, multiple selects), in order, once each."""
    seen: list[str] = []
    for value in form.get(name) or []:
        value = value.strip()
        if value and value not in seen:
            seen.append(value)
    return seen


def lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def per_language(form: Form, name: str, languages: list[str]) -> str | dict[str, str] | None:
    """`name_<lang>` fields as one text: a plain string when one language is filled in,
    `{fi: …, en: …}` when several are (None when none is)."""
    texts = {lang: one(form, f"{name}_{lang}") for lang in languages}
    filled = {lang: text for lang, text in texts.items() if text}
    return _one_text(filled, languages)


def _one_text(filled: dict[str, str], languages: list[str]) -> str | dict[str, str] | None:
    """A text in the first language only is written plain, as a person writes it in YAML
    (and as a plain text already in the file reads back): saving a form unchanged changes
    nothing."""
    if not filled:
        return None
    if list(filled) == [languages[0]]:
        return filled[languages[0]]
    return filled


def _date(value: str, label: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FormError("form.bad_date", field=label, value=value) from None


def _number(value: str, label: str) -> float:
    try:
        number = float(value.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except ValueError:
        raise FormError("form.not_a_number", field=label, value=value) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise FormError("form.not_a_number", field=label, value=value)
    return number


def _first_text(text: str | dict[str, str] | None) -> str:
    if isinstance(text, dict):
        return next(iter(text.values()), "")
    return text or ""


def _new_record(changes: Changeset, bank: Bank, kind: str, values: dict[str, Any],
                extra: list[Edit], what: str) -> str:
    """A new record from its template (plus `extra` edits made to it), added to `changes`;
    returns its id."""
    title = values.get("title")
    if not title:
        raise FormError("form.title_needed")
    values.setdefault("id", slugify(_first_text(title)))
    planned = build(NewRecord(kind, values), bank)
    text = planned.content.decode("utf-8")
    if extra:
        text = apply_edits(text, 0, extra, "\n", planned.path, bank.config.limits)
    changes.add(planned.path, [text], what)
    return str(values["id"])


def add_insight(bank: Bank, form: Form, languages: list[str]) -> Changeset:
    """A new insight file: type, source, date, summary, severity, confidence, evidence,
    the steps it concerns and customer groups."""
    changes = Changeset(bank.root, bank.config.limits)
    values: dict[str, Any] = {
        "title": per_language(form, "title", languages),
        "type": one(form, "type"),
        "source": one(form, "source"),
        "date": one(form, "date") or None,
        "summary": per_language(form, "summary", languages),
        "evidence": one(form, "evidence") or None,
        "severity": one(form, "severity") or None,
        "confidence": one(form, "confidence") or None,
        "steps": many(form, "steps"),
    }
    if one(form, "id"):
        values["id"] = one(form, "id")
    if not values["summary"]:
        raise FormError("form.summary_needed")
    if not values["source"]:
        raise FormError("form.source_needed")
    groups = many(form, "customer_groups")
    for group in groups:
        if bank.get_kind("CustomerGroup", group) is None:
            raise FormError("form.no_customer_group", id=group)
    extra: list[Edit] = [SetValue(("customer_groups",), groups)] if groups else []
    _new_record(changes, bank, "insight", values, extra, "insight added")
    return changes


def triage(bank: Bank, form: Form) -> Changeset:
    """Link every selected insight to one step."""
    changes = Changeset(bank.root, bank.config.limits)
    target = one(form, "step")
    chosen = many(form, "insights")
    if not chosen:
        raise FormError("form.pick_insights")
    if not target:
        raise FormError("form.pick_step")
    for insight_id in chosen:
        insight = bank.get(Insight, insight_id)
        if insight is None:
            raise FormError("form.no_insight", id=insight_id)
        field_for(bank, insight, target, True)
        if target not in insight.steps:
            changes.edit(insight, [AppendItem(("steps",), target)], f"{insight_id} linked to {target}")
    return changes


def _text_lines(form: Form, name: str, languages: list[str]) -> list[Any]:
    """List items typed one a line per language (`name_<lang>`); line n of each language
    is one item."""
    per = {lang: lines(one(form, f"{name}_{lang}")) for lang in languages}
    count = max((len(v) for v in per.values()), default=0)
    items: list[Any] = []
    for n in range(count):
        texts = {lang: per[lang][n] for lang in languages if n < len(per[lang])}
        items.append(_one_text(texts, languages))
    return items


def _raw_step(bank: Bank, journey: Journey, index: int) -> dict[str, Any]:
    original = read(bank.root / journey.source_path, journey.source_path)
    data = data_of(original.text, bank.config.limits)
    if data is None:
        raise EditError(f"{journey.source_path}: cannot be read as YAML; not changed")
    return dict(data[journey.source_document]["steps"][index])


def find_step(bank: Bank, journey_id: str, step_id: str) -> tuple[Journey, int]:
    journey = bank.get(Journey, journey_id)
    if journey is None:
        raise FormError("form.no_journey", id=journey_id)
    for index, step in enumerate(journey.steps):
        if step.id == step_id:
            return journey, index
    raise FormError("form.no_step", journey=journey_id, step=step_id)


def edit_step(bank: Bank, journey_id: str, step_id: str, form: Form, languages: list[str]) -> Changeset:
    """Title and description per language, customer actions, channels, emotion, pain
    points and parent step of one step."""
    journey, index = find_step(bank, journey_id, step_id)
    step = journey.steps[index]
    raw = _raw_step(bank, journey, index)
    here: tuple[str | int, ...] = ("steps", index)
    edits: list[Edit] = []
    title = per_language(form, "title", languages)
    if title is None:
        raise FormError("form.step_title_needed")
    if title != raw.get("title"):
        edits.append(SetValue((*here, "title"), title))
    description = per_language(form, "description", languages)
    if description is not None and description != raw.get("description"):
        edits.append(SetValue((*here, "description"), description))
    for name in ("customer_actions", "pain_points"):
        new = _text_lines(form, name, languages)
        edits += list_edits((*here, name), list(raw.get(name) or []), new)
    edits += list_edits((*here, "channels"), list(raw.get("channels") or []), many(form, "channels"))
    emotion = one(form, "emotion")
    if emotion:
        value = int(_number(emotion, "emotion"))
        if value not in EMOTIONS:
            raise FormError("form.bad_emotion", value=emotion)
        if value != raw.get("emotion"):
            edits.append(SetValue((*here, "emotion"), value))
    parent_step = one(form, "parent_step")
    if parent_step and parent_step != raw.get("parent_step"):
        edits.append(SetValue((*here, "parent_step"), parent_step))
    shown = journey.lanes_of(step)  # the values that fit their lanes: what the form showed
    for lane_id, lane in bank.config.lanes.items():
        current = raw.get(lane_id)
        if lane_id not in shown and current is not None:  # a value that does not fit (JO021)
            edits += _unfit_lane_edits(form, (*here, lane_id), lane_id, lane, languages)
        else:
            edits += _own_lane_edits(form, (*here, lane_id), lane_id, lane, current, languages)
    changes = Changeset(bank.root, bank.config.limits)
    changes.edit(journey, edits, f"{journey.id}#{step.id} edited")
    return changes


def own_field(lane_id: str, lane: Lane) -> str:
    """The form field of one of the bank's own lanes: `lane_<id>` for a text or list lane
    (its fields are `lane_<id>_<lang>`), `lane-<id>` for a number or a choice. Lane ids
    hold underscores, so a number lane `notes_fi` must not be named like the Finnish
    field of a text lane `notes`."""
    return ("lane_" if lane.type in ("text", "list") else "lane-") + lane_id


def _own_lane_edits(form: Form, path: tuple[str | int, ...], lane_id: str, lane: Lane, current: Any,
                    languages: list[str]) -> list[Edit]:
    """The edits that make a step's value of the bank's own lane what the form says: a
    text per language, a list one item a line per language, a number, a choice. A lane
    the form has no field of is left as it is."""
    name = own_field(lane_id, lane)
    if lane.type in ("text", "list"):
        if not any(f"{name}_{lang}" in form for lang in languages):
            return []
        if lane.type == "list":
            return list_edits(path, list(current or []), _text_lines(form, name, languages))
        new: Any = per_language(form, name, languages)
    else:
        if name not in form:
            return []
        typed = one(form, name)
        label = pick_text(lane.title, languages[0], languages)
        if not typed:
            new = None
        elif lane.type == "number":
            new = _typed_number(typed)
            if new is None:
                raise FormError("cli.studio.lane_not_a_number", lane=label, value=typed)
        elif typed in lane.choices:
            new = typed
        else:
            raise FormError("cli.studio.lane_not_a_choice", lane=label, value=typed, choices=", ".join(lane.choices))
    return [] if new == current else [SetValue(path, new)]


def _unfit_lane_edits(form: Form, path: tuple[str | int, ...], lane_id: str, lane: Lane,
                      languages: list[str]) -> list[Edit]:
    """The form left empty the field of a value that does not fit its lane (it shows what
    fits only): the value stays as written, to be fixed; what is typed there replaces it."""
    if lane.type == "list":  # the items typed, as one value (not item by item over it)
        items = _text_lines(form, own_field(lane_id, lane), languages)
        return [SetValue(path, items)] if items else []
    return _own_lane_edits(form, path, lane_id, lane, None, languages)


def _typed_number(typed: str) -> int | float | None:
    """A number typed in the form (a decimal comma or point, spaces between thousands): a
    whole number exactly as typed (30 digits stay 30 digits, as the file holds them), else
    a float; None when it is not a number a float can hold."""
    cleaned = typed.replace(",", ".").replace("\u00a0", "").replace(" ", "")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    if not math.isfinite(number):
        return None
    if not number.is_integer():
        return number
    try:
        return int(cleaned)
    except ValueError:  # 2.0, 1e3
        return int(number)


def add_step(bank: Bank, journey_id: str, form: Form, languages: list[str]) -> Changeset:
    """A new step before step `before` (at the end when not given)."""
    journey = bank.get(Journey, journey_id)
    if journey is None:
        raise FormError("form.no_journey", id=journey_id)
    title = per_language(form, "title", languages)
    if title is None:
        raise FormError("form.step_title_needed")
    step_id = one(form, "id") or slugify(_first_text(title))
    if not is_slug(step_id):
        raise FormError("form.no_step_id", title=_first_text(title))
    if journey.step(step_id) is not None:
        raise FormError("form.step_exists", journey=journey_id, step=step_id)
    before = one(form, "before")
    position = next((i for i, step in enumerate(journey.steps) if step.id == before), None)
    value: dict[str, Any] = {"id": step_id, "title": title}
    if one(form, "parent_step"):
        value["parent_step"] = one(form, "parent_step")
    changes = Changeset(bank.root, bank.config.limits)
    changes.edit(journey, [AppendItem(("steps",), value, position)], f"{journey_id}#{step_id} added")
    return changes


def move_step(bank: Bank, journey_id: str, step_id: str, offset: int) -> Changeset:
    """Move a step one place up (-1) or down (+1), with its comments (`edit.fields.MoveItem`)."""
    journey, index = find_step(bank, journey_id, step_id)
    target = index + offset
    if target < 0 or target >= len(journey.steps):
        raise FormError("form.at_end")
    changes = Changeset(bank.root, bank.config.limits)
    changes.edit(journey, [MoveItem(("steps",), index, target)], f"{journey_id}#{step_id} moved")
    return changes


def remove_step(bank: Bank, journey_id: str, step_id: str) -> Changeset:
    journey, index = find_step(bank, journey_id, step_id)
    changes = Changeset(bank.root, bank.config.limits)
    changes.edit(journey, [RemoveItem(("steps",), index)], f"{journey_id}#{step_id} removed")
    return changes


def orphans_of(bank: Bank, journey_id: str, step_id: str) -> list[tuple[str, str, str]]:
    """What would point at nothing if the step went: (kind, id, file) of each."""
    return [(o.kind, o.id, o.path) for o in pointing_at(bank, {(journey_id, step_id)})]


def add_observation(bank: Bank, metric_id: str, form: Form) -> Changeset:
    metric = bank.get(Metric, metric_id)
    if metric is None:
        raise FormError("form.no_metric", id=metric_id)
    date = _date(one(form, "date"), "date")
    value: dict[str, Any] = {"date": date, "value": _number(one(form, "value"), "value")}
    if one(form, "note"):
        value["note"] = one(form, "note")
    if any(o.date == date for o in metric.observations):
        raise FormError("form.observation_exists", id=metric_id, date=date.isoformat())
    changes = Changeset(bank.root, bank.config.limits)
    changes.edit(metric, [AppendItem(("observations",), value)], f"{metric_id}: observation {date.isoformat()}")
    return changes


ESTIMATES = ("reach", "impact", "confidence", "effort")


def add_opportunity(bank: Bank, form: Form, languages: list[str]) -> Changeset:
    """A new opportunity with the steps, insights and metrics behind it and its estimates."""
    changes = Changeset(bank.root, bank.config.limits)
    values: dict[str, Any] = {
        "title": per_language(form, "title", languages),
        "problem": per_language(form, "problem", languages),
        "idea": per_language(form, "idea", languages),
        "status": one(form, "status") or None,
        "owner": one(form, "owner") or None,
        "steps": many(form, "steps"),
        "insights": many(form, "insights"),
        "metrics": many(form, "metrics"),
    }
    if not values["problem"]:
        raise FormError("form.problem_needed")
    estimates = {name: _number(one(form, name), name) for name in ESTIMATES if one(form, name)}
    extra: list[Edit] = [SetValue(("estimates",), estimates)] if estimates else []
    _new_record(changes, bank, "opportunity", values, extra, "opportunity added")
    return changes


def mark_reviewed(bank: Bank, journey_id: str, form: Form, today: dt.date, reviewer: str) -> Changeset:
    """A review of the journey (`journeyops review`'s edits: `reviewed` set and a `reviews`
    entry with the reviewer and the note)."""
    from journeyops_cli.edit.review import describe, review_edits

    journey = bank.get(Journey, journey_id)
    if journey is None:
        raise FormError("form.no_journey", id=journey_id)
    who = one(form, "reviewer") or reviewer
    if not who:
        raise FormError("form.reviewer_needed")
    changes = Changeset(bank.root, bank.config.limits)
    changes.edit(journey, review_edits(journey, today, who, one(form, "note") or None), describe(journey, today, who))
    return changes


def new_journey(bank: Bank, form: Form, languages: list[str]) -> Changeset:
    """A journey at any level from the organisation's template, each step's parent step
    picked from the parent's map (`step_title_N`, `step_parent_N`); `state` and
    `improves` make it a target journey (its steps those of the journey it improves when
    no step is typed)."""
    titles: list[str] = []
    parents: list[str] = []
    for n in range(64):
        title = one(form, f"step_title_{n}")
        if title:
            titles.append(title)
            parents.append(one(form, f"step_parent_{n}"))
    parent = one(form, "parent") or None
    values: dict[str, Any] = {
        "title": per_language(form, "title", languages),
        "level": one(form, "level"),
        "parent": parent,
        "theme": one(form, "theme") or None,
        "description": per_language(form, "description", languages),
        "owner": one(form, "owner") or None,
        "status": one(form, "status") or None,
        "state": one(form, "state") or None,
        "improves": one(form, "improves") or None,
        "steps": titles,
        "step_parents": parents if parent else [],
    }
    if parent and not all(parents):
        raise FormError("form.parent_steps_needed")
    from_improved(NewRecord("journey", values), bank)  # a target starts from the journey it improves
    changes = Changeset(bank.root, bank.config.limits)
    _new_record(changes, bank, "journey", values, [], "journey added")
    return changes


def record_of(bank: Bank, kind: type[Record], record_id: str) -> Record | None:
    """A record by id: ids come from requests, so only ids that are slugs are looked up."""
    return bank.get(kind, record_id) if is_slug(record_id) else None
