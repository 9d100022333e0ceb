"""The questions `journeyops new KIND` asks on a terminal, in the reader's language: what to
ask next (`Interview.next`), what a reply means (`Interview.answer`, which refuses a bad
reply with `BadAnswer` so the question can be asked again) and how a question reads on a
terminal (`terminal_prompt`, `choice_lines`). No input or output here: the CLI does the
terminal, and the studio could ask the same questions in a form.

Every text of the record is asked in every language of the bank (the first language
required where the record needs the text, the others skippable); choices are numbered and
come from the bank; a question with one possible answer takes Enter; ids are offered,
made from the title, never typed unless wanted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import ValidationError

from journeyops_cli.bank import Bank
from journeyops_cli.edit import EditError
from journeyops_cli.models import Journey
from journeyops_cli.models.base import pick_text, text_values
from journeyops_cli.models.insight import Confidence
from journeyops_cli.models.insight import Severity as InsightSeverity
from journeyops_cli.models.journey import JourneyState, JourneyStatus
from journeyops_cli.models.metric import Direction
from journeyops_cli.models.opportunity import Estimates, OpportunityStatus
from journeyops_cli.render.catalogue import LANGUAGES
from journeyops_cli.render.i18n import message, rule_words, say
from journeyops_cli.scaffold.new import (
    FIELDS,
    INSIGHT_TYPES,
    KIND_BY_SLUG,
    LEVELS,
    PARENT_LEVEL,
    FieldError,
    NewRecord,
    first_text,
    from_improved,
    option_name,
    split_list,
)
from journeyops_cli.scaffold.reply_rules import ReplyRules
from journeyops_cli.slug import is_slug, slugify

LIST_LIMIT = 40
"""More choices than this are not listed on a terminal: the reader types ids (or numbers)."""
GOAL_SEPARATOR = ";"
"""CX goals are separated by semicolons: a goal is a sentence and may hold commas."""
# The choices of the records' fixed fields, from their models.
JOURNEY_STATUSES: tuple[str, ...] = get_args(JourneyStatus)
STATES: tuple[str, ...] = get_args(JourneyState)
OPPORTUNITY_STATUSES: tuple[str, ...] = get_args(OpportunityStatus)
SEVERITIES: tuple[str, ...] = get_args(InsightSeverity)
GRADES: tuple[str, ...] = get_args(Confidence)
DIRECTIONS: tuple[str, ...] = get_args(Direction)
RELATIVE = ("business_value", "time_criticality", "risk_reduction")
"""WSJF's estimates on a relative scale (one phrase for their scale)."""
FREE_TEXT = ("text", "list", "goals")
"""The forms of reply that are the record's own words (the privacy rules read them)."""
WORDS_GIVEN = ("title", "description", "summary", "problem", "idea", "owner", "source", "evidence", "unit",
               "contact", "steps")
"""Options whose values are the record's own words (`Interview.refuse_given` checks them)."""
RULE_FIELDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("journey", "JO204"): ("theme",),
    ("journey", "JO205"): ("customer_groups",),
    ("journey", "JO401"): ("owner", "team"),
    ("insight", "JO301"): ("steps",),
    ("insight", "JO308"): ("evidence",),
    ("metric", "JO305"): ("target", "direction"),
    ("opportunity", "JO303"): ("insights",),
    ("opportunity", "JO304"): ("steps",),
}
"""The values of a new record that a rule judging the whole record is about: when a bank
makes the rule fail `validate` (`severity:`), they are asked again."""
SCREENED = ("state", "level", "type", "severity", "confidence", "status", "direction", "date", "target")
"""Values given as options that `Interview.refuse_given` checks as their question would."""


class BadAnswer(ValueError):
    """A reply that does not answer the question; the message (in the reader's language)
    says why, and the question is asked again."""


@dataclass(slots=True, frozen=True)
class Choice:
    """One numbered answer: the value written to the record and the words shown for it."""

    value: str
    label: str


@dataclass(slots=True)
class Question:
    """One question. `key` is unique within an interview (`title.en`, `step_parent.2`);
    `name` is the value it fills. `default` is what Enter gives (a choice's value for a
    question with choices); an `optional` question is skipped by Enter when it has no default;
    `many` takes several choices (`1,3`)."""

    key: str
    name: str
    label: str
    form: str = "text"  # text | list | goals | id | date | number | choice
    choices: list[Choice] | None = None
    default: str | None = None
    optional: bool = False
    many: bool = False
    language: str | None = None
    count: int | None = None  # a list in another language: as many items as the first


def _label(key: str, language: str) -> str:
    text = message(key, language)
    return text[:1].upper() + text[1:]


def _with_scale(label: str, scale: str) -> str:
    """`Effort (person-months)` and `0–1` as `Effort (person-months, 0–1)`."""
    if label.endswith(")"):
        return f"{label[:-1]}, {scale})"
    return f"{label} ({scale})"


def _title_of(record: Any, language: str, languages: list[str]) -> str:
    return pick_text(getattr(record, "title", None), language, languages) or record.id


def _merge_text(current: Any, language: str, text: str, languages: list[str]) -> Any:
    """`current` (a plain string in the first language, or a per-language mapping) with
    `text` in `language`; a plain string while only the first language has a text."""
    texts: dict[str, str] = {}
    if isinstance(current, str) and current:
        texts[languages[0]] = current
    elif isinstance(current, dict):
        texts.update(current)
    texts[language] = text
    ordered = {lang: texts[lang] for lang in [*languages, *texts] if lang in texts}
    if list(ordered) == [languages[0]]:
        return ordered[languages[0]]
    return ordered


def _has_text(current: Any, language: str, languages: list[str]) -> bool:
    if isinstance(current, dict):
        return bool(current.get(language))
    return bool(current) and language == languages[0]


@dataclass
class Interview:
    """The questions for one new record. `language` is the reader's (the words asked in);
    the record's texts are asked in each of the bank's languages."""

    record: NewRecord
    bank: Bank
    language: str = "en"
    asked: set[str] = field(default_factory=set)
    today: dt.date | None = None
    rules: ReplyRules = field(init=False)

    def __post_init__(self) -> None:
        self.rules = ReplyRules(self.bank)

    @property
    def languages(self) -> list[str]:
        return list(self.bank.config.languages)

    # --- the words -----------------------------------------------------------------

    def say(self, key: str, **values: object) -> str:
        return say(key, self.language, **values)

    def scale(self, estimate: str) -> str:
        """The scale of an estimate in words (`0–1`, `customers a year`)."""
        return self.say(f"cli.new.scale.{'relative' if estimate in RELATIVE else estimate}")

    def in_language(self, label: str, language: str) -> str:
        """`label` with the language the answer is written in, when the bank has several."""
        if len(self.languages) < 2:
            return label
        name = self.say(f"cli.new.in.{language}") if language in LANGUAGES else f"({language})"
        return f"{label} {name}"

    # --- what to ask -----------------------------------------------------------------

    def next(self) -> Question | None:
        """The next question, or None when everything that matters has been asked."""
        for question in self._questions():
            if question.key not in self.asked:
                return question
        return None

    def _questions(self) -> Iterator[Question]:
        kind = self.record.kind
        yield from self._texts("title", "title", required=True)
        yield from self._id()
        if kind == "journey":
            yield from self._journey()
        elif kind == "insight":
            yield from self._insight()
        elif kind == "opportunity":
            yield from self._opportunity()
        elif kind == "metric":
            yield from self._metric()
        else:
            yield from self._texts("description", "description")
            if kind == "theme":
                yield from self._owner_and_team()
            if kind == "team":
                yield from self._plain("contact", "contact")

    def _given(self, name: str) -> bool:
        return self.record.get(name) not in (None, "", [])

    def _texts(self, name: str, label: str, required: bool = False) -> Iterator[Question]:
        """`name` in every bank language: the first required when `required`."""
        current = self.record.get(name)
        for index, lang in enumerate(self.languages):
            key = f"{name}.{lang}"
            if _has_text(current, lang, self.languages):
                continue
            if index > 0 and not _has_text(current, self.languages[0], self.languages):
                continue  # no other language without the first one
            yield Question(key, name, self.in_language(_label(label, self.language), lang),
                           optional=not (required and index == 0), language=lang)

    def _lists(self, name: str, label: str, form: str, required: bool = False) -> Iterator[Question]:
        """A list of texts (step titles, CX goals) in every bank language: the first
        language's list, then the same number of items in each other language."""
        first = self.languages[0]
        items = self.record.get(name) or []
        if not items:
            if not self._given(name):
                yield Question(f"{name}.{first}", name, self.in_language(self.say(label), first), form=form,
                               optional=not required, language=first)
            return
        for lang in self.languages[1:]:
            if all(_has_text(item, lang, self.languages) for item in items):
                continue
            yield Question(f"{name}.{lang}", name, self.in_language(self.say(label), lang), form=form,
                           optional=True, language=lang, count=len(items))

    def _plain(self, name: str, label: str, optional: bool = True) -> Iterator[Question]:
        if not self._given(name):
            yield Question(name, name, _label(label, self.language), optional=optional)

    def _id(self) -> Iterator[Question]:
        if self._given("id"):
            return
        made = slugify(first_text(self.record.get("title")))
        kind, free, n = KIND_BY_SLUG[self.record.kind], made, 2
        while is_slug(free) and self.bank.get_kind(kind, free) is not None:  # taken: offer the next free one
            free, n = f"{made[:60].rstrip('-')}-{n}", n + 1
        yield Question("id", "id", self.say("cli.new.id"), form="id", default=free if is_slug(free) else None)

    def _choice(self, name: str, label: str, choices: list[Choice], default: str | None = None,
                optional: bool = False, many: bool = False, key: str | None = None) -> Iterator[Question]:
        """A numbered question. One that must be answered has a default (the first choice
        unless told), except a question of several answers with more than one choice."""
        if not choices or (key is None and self._given(name)):
            return
        if default is None and not optional and (not many or len(choices) == 1):
            default = choices[0].value
        yield Question(key or name, name, label, form="choice", choices=choices, default=default,
                       optional=optional, many=many)

    def _words(self, prefix: str, values: tuple[str, ...]) -> list[Choice]:
        """Choices named by the catalogue's `prefix.value`, each starting with a capital
        (the site's badges are lowercase: `korkea`; a choice reads `Korkea`)."""
        return [Choice(v, _label(f"{prefix}.{v}", self.language)) for v in values]

    def _records(self, records: list[Any]) -> list[Choice]:
        return [Choice(r.id, f"{_title_of(r, self.language, self.languages)} ({r.id})") for r in records]

    def _owner_and_team(self) -> Iterator[Question]:
        yield from self._plain("owner", "owner_field")
        yield from self._choice("team", _label("team", self.language), self._records(self.bank.teams()),
                                optional=True)

    # --- journey -------------------------------------------------------------------

    def _journey(self) -> Iterator[Question]:
        get = self.record.get
        yield from self._state()
        levels = {j.level for j in self.bank.journeys()}
        default_level = next((lv for lv in LEVELS if lv not in levels), "detailed")
        yield from self._choice("level", _label("level", self.language), self._words("level", LEVELS),
                                default=default_level)
        level = get("level")
        wanted = PARENT_LEVEL.get(level or "")
        parent: Journey | None = None
        if wanted:
            candidates = self._journeys(wanted)
            if not get("parent") and not candidates:
                raise EditError(self.say(f"cli.new.no_parent.{level}"))
            if not get("theme") and not self.bank.themes() and not any(j.theme for j in candidates):
                raise EditError(self.say(f"cli.new.no_theme.{level}"))  # said before the parent is asked
            if not get("parent"):
                yield from self._choice("parent", _label("parent_journey", self.language),
                                        self._records(candidates))
            parent = self.bank.get(Journey, get("parent") or "")
        yield from self._theme(level, parent)
        yield from self._texts("description", "description")
        if not get("step_details"):  # steps given whole (a workbook's, a copied journey's) are not asked
            yield from self._lists("steps", "cli.new.steps", "list", required=True)
            if parent is not None and parent.steps:
                yield from self._step_parents(parent)
        yield from self._owner_and_team()
        # a child serves only groups its parent does, when the parent names any (JO205)
        groups = [g for g in self.bank.customer_groups()
                  if parent is None or not parent.customer_groups or g.id in parent.customer_groups]
        yield from self._choice("customer_groups", _label("customer_groups", self.language),
                                self._records(groups), optional=True, many=True)
        yield from self._choice("life_events", _label("life_events", self.language),
                                self._records(self.bank.life_events()), optional=True, many=True)
        yield from self._lists("cx_goals", "cli.new.cx_goals", "goals")
        yield from self._choice("status", _label("status", self.language),
                                self._words("status", JOURNEY_STATUSES), default="draft")

    def _state(self) -> Iterator[Question]:
        """As-is or to-be (Enter: as-is); a to-be journey names the as-is journey it
        improves, whose level, parent, theme and steps it starts from (`from_improved`)."""
        yield from self._choice("state", _label("state", self.language), self._words("state", STATES),
                                default="current")
        if self.record.get("state") == "target":
            current = [j for j in self._journeys() if j.state != "target"]
            yield from self._choice("improves", self.say("cli.new.improves"), self._records(current), optional=True)

    def _journeys(self, level: str | None = None) -> list[Journey]:
        order = {lv: i for i, lv in enumerate(LEVELS)}
        found = [j for j in self.bank.journeys() if level is None or j.level == level]
        return sorted(found, key=lambda j: (order.get(j.level, 9), j.id))

    def _theme(self, level: str | None, parent: Journey | None) -> Iterator[Question]:
        if self._given("theme"):
            return
        inherited = parent.theme if parent is not None else None
        # a mid journey's child has its parent's theme (JO204): the one choice offered
        agreeing = parent is not None and parent.level != "top" and inherited is not None
        themes = self._records([t for t in self.bank.themes() if not agreeing or t.id == inherited])
        needed = level in PARENT_LEVEL and not inherited
        if needed and not themes:
            raise EditError(self.say(f"cli.new.no_theme.{level}"))
        yield from self._choice("theme", _label("theme", self.language), themes, default=inherited,
                                optional=not needed)

    def _step_parents(self, parent: Journey) -> Iterator[Question]:
        chosen: list[str] = self.record.get("step_parents") or []
        steps = self.record.get("steps") or []
        if len(chosen) >= len(steps):
            return
        i = len(chosen)
        if len(steps) == len(parent.steps):
            default = parent.steps[i].id  # as many steps as the parent: one for one
        else:
            default = chosen[-1] if chosen else parent.steps[0].id
        choices = [Choice(s.id, f"{_title_of(s, self.language, self.languages)} ({s.id})") for s in parent.steps]
        title = first_text(steps[i])
        yield from self._choice("step_parents", self.say("cli.new.step_parent", step=title, parent=parent.id),
                                choices, default=default, key=f"step_parents.{i}")

    # --- insight, metric, opportunity -------------------------------------------------

    def _insight(self) -> Iterator[Question]:
        yield from self._choice("type", _label("type", self.language), self._words("insight_type", INSIGHT_TYPES))
        yield from self._texts("summary", "summary_field", required=True)
        today = (self.today or dt.date.today()).isoformat()
        if not self._given("date"):
            yield Question("date", "date", _label("date", self.language), form="date", default=today)
        yield from self._choice("severity", _label("severity", self.language), self._words("severity", SEVERITIES),
                                default="medium")
        yield from self._choice("confidence", _label("confidence", self.language),
                                self._words("severity", GRADES), default="medium")
        yield from self._plain("source", "source", optional=False)
        yield from self._plain("evidence", "evidence_url")
        yield from self._step_links()

    def _step_links(self) -> Iterator[Question]:
        """Journeys first (several by numbers), then the steps of each one chosen."""
        if self._given("steps") and "link_journeys" not in self.asked:
            return
        yield from self._choice("link_journeys", self.say("cli.new.link_journeys"), self._records(self._journeys()),
                                optional=True, many=True, key="link_journeys")
        for journey_id in self.record.get("link_journeys") or []:
            journey = self.bank.get(Journey, journey_id)
            if journey is None:
                continue
            choices = [Choice(f"{journey.id}#{s.id}", f"{_title_of(s, self.language, self.languages)} ({s.id})")
                       for s in journey.steps]
            yield from self._choice("steps", self.say("cli.new.link_steps", journey=journey.id), choices,
                                    many=True, key=f"steps.{journey.id}")

    def _metric(self) -> Iterator[Question]:
        yield from self._texts("description", "description")
        if not self._given("unit"):
            yield Question("unit", "unit", self.say("cli.new.unit"))
        yield from self._choice("direction", self.say("cli.new.direction"),
                                self._words("metric", DIRECTIONS),
                                optional=True)
        if not self._given("target"):
            yield Question("target", "target", _label("target", self.language), form="number", optional=True)
        yield from self._plain("source", "source")
        yield from self._step_links()

    def _opportunity(self) -> Iterator[Question]:
        yield from self._texts("problem", "problem", required=True)
        yield from self._texts("idea", "idea")
        yield from self._choice("status", _label("status", self.language),
                                self._words("opportunity_status", OPPORTUNITY_STATUSES), default="idea")
        yield from self._owner_and_team()
        yield from self._step_links()
        steps = set(self.record.get("steps") or [])
        for name, records in (("insights", self.bank.insights()), ("metrics", self.bank.metrics())):
            # those on the chosen steps first, then the others by id
            ordered = sorted(records, key=lambda r: (not steps.intersection(r.steps), r.id))
            yield from self._choice(name, _label(f"linked_{name}", self.language), self._records(ordered),
                                    optional=True, many=True)
        for name in self.bank.config.scoring.estimates_used():
            key = f"estimates.{name}"
            if name not in (self.record.get("estimates") or {}):
                yield Question(key, "estimates", _with_scale(_label("factor." + name, self.language),
                                                             self.scale(name)),
                               form="number", optional=True)

    def refuse_given(self) -> list[str]:
        """Values given as options that their question would not take (`--severity huge`,
        `--date 2.3.2026`, `--target much`, a `--summary` with a phone number the bank's
        rules refuse): each is forgotten, so that it is asked, and named in the reader's
        language. Ask this once, before the first question."""
        said: list[str] = []
        for name in SCREENED:
            value = self.record.get(name)
            if value in (None, ""):
                continue
            del self.record.values[name]
            question = next((q for q in self._questions() if q.key == name), None)
            if question is None or self._takes(question, str(value)):
                self.record.values[name] = value
                continue
            said.append(self._refused(name, value))
        if self.record.get("improves"):
            try:
                from_improved(self.record, self.bank)
            except FieldError:
                said.append(self._refused("improves", self.record.values.pop("improves")))
        for name in WORDS_GIVEN:
            value = self.record.get(name)
            if value in (None, "", []) or (name == "steps" and self.record.kind != "journey"):
                continue  # an insight's `steps` are step links, not words
            texts = [t for item in (value if isinstance(value, list) else [value]) for t in text_values(item)]
            refused = self.rules.refusal(name, texts, self.language)
            if refused is not None:
                said.append(f"{self._refused(name, value)}: {refused}")
                self.reopen(name)
        return said

    def _takes(self, question: Question, value: str) -> bool:
        if question.choices is not None:
            return value in {c.value for c in question.choices}
        try:
            self._parse(question, value)
        except BadAnswer:
            return False
        return True

    def reopen(self, name: str) -> str | None:
        """Forget the value `name` and its answers, so that it is asked again (build
        refused it: a FieldError names it); the words that say so, in the reader's
        language, or None when there was nothing to forget."""
        keys = {key for key in self.asked if key == name or key.startswith(name + ".")}
        if name == "steps" and self.record.kind == "journey":
            keys |= {key for key in self.asked if key.startswith("step_parents.")}
            self.record.values.pop("step_parents", None)
        if name == "steps" and self.record.kind != "journey":
            keys.add("link_journeys")
            self.record.values.pop("link_journeys", None)
        value = self.record.values.pop(name, None)
        self.asked -= keys
        if value is None and not keys:
            return None
        return self._refused(name, value)

    def reopen_for_rule(self, code: str) -> str | None:
        """Forget the values the rule `code` judges (`RULE_FIELDS`), so that they are asked
        again (the build's rules refused the record); the rule's words in the reader's
        language, or None when the rule names no value of this kind that was asked."""
        names = RULE_FIELDS.get((self.record.kind, code), ())
        if not [name for name in names if self.reopen(name) is not None]:
            return None
        words = rule_words(code, self.language)
        return f"{code} {' '.join(words)}" if words else code

    def _refused(self, name: str, value: Any) -> str:
        """`--team tiimi ei kelpaa, joten se kysytään`: a value given (or answered) that is
        forgotten to be asked again."""
        if isinstance(value, list):
            shown = ",".join(first_text(item) for item in value)
        else:
            shown = first_text(value) if isinstance(value, dict) else "" if value is None else str(value)
        return self.say("cli.new.given_refused", given=f"{option_name(name, self.record.kind)} {shown}".rstrip())

    # --- the replies -----------------------------------------------------------------

    def answer(self, question: Question, reply: str) -> None:
        """Take `reply` (stripped; empty means Enter) as the answer to `question`;
        BadAnswer says why a reply does not do (nothing is changed then)."""
        reply = reply.strip()
        if not reply and question.default is not None:
            reply = str(choice_number(question, question.default)) if question.choices else question.default
        if not reply:
            if not question.optional:
                raise BadAnswer(self.say("cli.new.needed"))
            self.asked.add(question.key)
            return
        value = self._parse(question, reply)
        if question.form in FREE_TEXT:
            texts = value if isinstance(value, list) else [value]
            refused = self.rules.refusal(question.name, texts, self.language)
            if refused is not None:
                raise BadAnswer(refused)
        self._store(question, value)
        self.asked.add(question.key)

    def _parse(self, question: Question, reply: str) -> Any:
        if question.form == "choice":
            return pick(question, reply, self.language)
        if question.form in ("list", "goals"):
            items = ([p.strip() for p in reply.split(GOAL_SEPARATOR) if p.strip()] if question.form == "goals"
                     else split_list(reply))
            if question.count is not None and len(items) != question.count:
                raise BadAnswer(self.say("cli.new.count", n=question.count))
            return items
        if question.form == "id":
            if not is_slug(reply):
                raise BadAnswer(self.say("cli.new.bad_id", value=reply))
            existing = self.bank.get_kind(KIND_BY_SLUG[self.record.kind], reply)
            if existing is not None:
                raise BadAnswer(self.say("cli.new.id_taken", value=reply, path=existing.source_path))
            return reply
        if question.form == "date":
            try:
                return dt.date.fromisoformat(reply).isoformat()
            except ValueError:
                raise BadAnswer(self.say("form.bad_date", field=question.label, value=reply)) from None
        if question.form == "number":
            return self._float(question, reply)
        return reply

    def _float(self, question: Question, reply: str) -> float | int:
        try:
            number = float(reply.replace(",", ".").replace(" ", "").replace("\u00a0", ""))
        except ValueError:
            raise BadAnswer(self.say("form.not_a_number", field=question.label, value=reply)) from None
        if question.name == "estimates":
            name = question.key.split(".", 1)[1]
            try:
                Estimates.model_validate({name: number})
            except ValidationError:
                raise BadAnswer(self.say("cli.new.out_of_range", value=reply,
                                         scale=self.scale(name))) from None
        return int(number) if number.is_integer() and abs(number) < 1e15 else number

    def _store(self, question: Question, value: Any) -> None:
        values = self.record.values
        name = question.name
        if question.form == "text" and question.language is not None:
            values[name] = _merge_text(values.get(name), question.language, value, self.languages)
        elif question.form in ("list", "goals") and question.count is not None:
            assert question.language is not None
            values[name] = [_merge_text(item, question.language, text, self.languages)
                            for item, text in zip(values[name], value, strict=True)]
        elif name == "step_parents":
            values[name] = [*(values.get(name) or []), value]
        elif name == "steps" and question.form == "choice":  # step links, journey by journey
            values[name] = [*(values.get(name) or []), *value]
        elif name == "estimates":
            values[name] = {**(values.get(name) or {}), question.key.split(".", 1)[1]: value}
        elif name == "state" and value == "current":
            values.pop(name, None)  # the default: not written
        else:
            values[name] = value
            if name == "improves":
                from_improved(self.record, self.bank)


def pick(question: Question, reply: str, language: str) -> list[str] | str:
    """The choice (several for a `many` question, in the choices' order) that `reply`
    names by number, value, a step's own id or part of its words; BadAnswer otherwise."""
    assert question.choices is not None
    values = [c.value for c in question.choices]
    parts = [p for p in reply.replace(",", " ").split() if p] if question.many else [reply]
    picked: list[str] = []
    for part in parts:
        if part.isdigit() and 1 <= int(part) <= len(values):
            value = values[int(part) - 1]
        elif part in values:
            value = part
        elif len(ends := [v for v in values if v.endswith("#" + part)]) == 1:
            value = ends[0]  # a step by its own id
        elif not part.isdigit() and (found := _search(question, reply, language)) is not None:
            return [found] if question.many else found  # the whole reply named one choice
        else:
            raise BadAnswer(say("cli.new.not_a_choice", language, value=part, n=len(values)))
        if value not in picked:
            picked.append(value)
    if not question.many:
        return picked[0]
    return sorted(picked, key=values.index)  # in the order of the choices (a journey's steps)


def _search(question: Question, text: str, language: str) -> str | None:
    """The one choice whose words hold `text` (any case), or None when none does; when
    several do, BadAnswer lists them (at most ten) to pick from by number."""
    assert question.choices is not None
    wanted = text.casefold()
    found = [(i, c) for i, c in enumerate(question.choices, 1) if wanted in c.label.casefold()]
    if len(found) == 1:
        return found[0][1].value
    if not found:
        return None
    lines = [f"  {i}) {c.label}" for i, c in found[:10]] + (["  …"] if len(found) > 10 else [])
    raise BadAnswer("\n".join([say("cli.new.matches", language, value=text, n=len(found)), *lines]))


def kind_question(language: str) -> Question:
    """What `journeyops new` without a kind asks first: the kinds by their names."""
    choices = [Choice(kind, f"{message(kind.replace('-', '_'), language)} ({kind})") for kind in FIELDS]
    return Question("kind", "kind", say("cli.new.kind", language), form="choice", choices=choices,
                    default="journey")


def choice_number(question: Question, value: str) -> int:
    """The number `value` is shown with among the question's choices (from 1)."""
    assert question.choices is not None
    return next(i for i, c in enumerate(question.choices, 1) if c.value == value)


def terminal_prompt(question: Question, language: str) -> str:
    """The line a terminal shows for `question`: its label, a hint when Enter skips it or
    several numbers are taken, and the default in brackets (a choice by its number)."""
    hints = []
    if question.many:
        hints.append(say("cli.new.numbers", language))
    if question.optional and question.default is None:
        hints.append(say("cli.new.skip", language))
    text = question.label + (f" ({'; '.join(hints)})" if hints else "")
    if question.default is not None:
        shown = question.default
        if question.choices is not None:
            shown = str(choice_number(question, question.default))
        text += f" [{shown}]"
    return text + ": "


def choice_lines(question: Question, language: str) -> list[str]:
    """The numbered choices to show above the prompt; a long list is not shown (the reader
    types ids), one line says so."""
    if not question.choices:
        return []
    if len(question.choices) > LIST_LIMIT:
        return [say("cli.new.long_list", language, n=len(question.choices), example=question.choices[0].value)]
    width = len(str(len(question.choices)))
    return [f"  {i:>{width}}) {c.label}" for i, c in enumerate(question.choices, 1)]
