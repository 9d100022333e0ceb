"""`journeyops new KIND`: a new record from its template."""

from __future__ import annotations

import sys
from functools import partial
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from journeyops_cli.cli.common import EXIT_FINDINGS, EXIT_USAGE, BankOption, bank_root, fail
from journeyops_cli.cli.complete import Completer, complete_ids, complete_steps
from journeyops_cli.cli.words import cli_language, say

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from journeyops_cli.scaffold.new import NewRecord
    from journeyops_cli.scaffold.outcome import PlannedFile
    from journeyops_cli.scaffold.questions import Question

app = typer.Typer()

KINDS_HELP = "journey, theme, insight, metric, opportunity, customer-group, life-event or team"


def _opt(help_text: str, *names: str, complete: Completer | None = None) -> object:
    return typer.Option(*names, help=help_text, show_default=False, autocompletion=complete)


Str = str | None
Many = list[str] | None


def _line_editing() -> None:
    """Arrow keys, Home/End and Backspace edit a reply (GNU readline, where Python has it);
    bracketed paste is off, so a prompt is printed as it is."""
    try:
        import readline
    except ImportError:  # Windows: the console edits the line itself
        return
    readline.parse_and_bind("set enable-bracketed-paste off")


def _ask(question: Question, language: str, take: Callable[[str], object]) -> None:
    """Show `question` (its numbered choices, then its prompt) until `take` accepts a reply;
    a reply it refuses (BadAnswer) is named and the question asked again."""
    from journeyops_cli.scaffold.questions import BadAnswer, choice_lines, terminal_prompt

    for line in choice_lines(question, language):
        typer.echo(line)
    while True:
        try:
            take(input(terminal_prompt(question, language)))
            return
        except BadAnswer as bad:
            typer.echo(f"{say('finding_severity.error', language)}: {bad}")


def _cancelled(stop: BaseException, language: str) -> NoReturn:
    """Ctrl-C (exit 130) or the end of input (exit 1): said, with nothing written."""
    typer.echo("")
    fail(say("cli.new.cancelled", language), 130 if isinstance(stop, KeyboardInterrupt) else EXIT_FINDINGS)


def _ask_kind(root: Path) -> str:
    """`journeyops new` without a kind on a terminal: which kind, in the bank's language."""
    from journeyops_cli.pipeline import load_config
    from journeyops_cli.scaffold.questions import kind_question, pick

    language = cli_language(load_config(root))
    _line_editing()
    question = kind_question(language)
    chosen: list[str] = []
    try:
        _ask(question, language,
             lambda reply: chosen.append(str(pick(question, reply.strip() or str(question.default), language))))
    except (KeyboardInterrupt, EOFError) as stop:
        _cancelled(stop, language)
    return chosen[0]


def _interview(record: NewRecord, root: Path) -> tuple[PlannedFile, str]:
    """Read the bank and ask the questions of `scaffold.questions` on the terminal until
    none is left, then build the record (returned with the language it was asked in); a
    value the build refuses is asked again. Ctrl-C or the end of input stops with nothing
    written."""
    from journeyops_cli.pipeline import load_bank
    from journeyops_cli.scaffold.new import FieldError, RuleRefusal, build
    from journeyops_cli.scaffold.questions import Interview
    from journeyops_cli.scaffold.render import TemplateError

    language = cli_language()
    _line_editing()
    try:
        bank = load_bank(root).bank
        language = cli_language(bank.config)
        interview = Interview(record, bank, language)
        error = say("finding_severity.error", language)
        for refused_option in interview.refuse_given():
            typer.echo(f"{error}: {refused_option}")
        while True:
            while (question := interview.next()) is not None:
                _ask(question, language, partial(interview.answer, question))
            try:
                return build(record, bank), language
            except TemplateError as refused_template:  # the bank's own template: said in the reader's language
                fail(refused_template.text(language), refused_template.exit_code)
            except (FieldError, RuleRefusal) as refused:
                # the words name the option, or the rule, in the reader's language
                if isinstance(refused, FieldError):
                    said = interview.reopen(refused.field)
                else:
                    said = interview.reopen_for_rule(refused.code)
                if said is None:
                    raise
                typer.echo(f"{error}: {said}")
    except (KeyboardInterrupt, EOFError) as stop:
        _cancelled(stop, language)


@app.command()
def new(
    kind: Annotated[Str, typer.Argument(help=f"What to create: {KINDS_HELP} (asked on a terminal when left out).",
                                        show_default=False)] = None,
    title: Annotated[Str, _opt("The title (the id is made from it).", "--title")] = None,
    record_id: Annotated[Str, _opt("The id (default: from the title).", "--id")] = None,
    level: Annotated[Str, _opt("Journey: top, mid or detailed.", "--level")] = None,
    parent: Annotated[Str, _opt("Journey: the journey one level up.", "--parent",
                                complete=complete_ids("Journey"))] = None,
    theme: Annotated[Str, _opt("Journey: the anchor theme (default: the parent's).", "--theme",
                               complete=complete_ids("Theme"))] = None,
    steps: Annotated[Many, _opt('Journey: step titles, comma-separated ("Find,Apply,Wait,Use").', "--steps")] = None,
    step_parents: Annotated[
        Many, _opt("Journey: each step's parent step, comma-separated, in step order.", "--step-parents")
    ] = None,
    description: Annotated[Str, _opt("A description.", "--description")] = None,
    owner: Annotated[Str, _opt("The person or role who owns it.", "--owner")] = None,
    team: Annotated[Str, _opt("The id of the owning team.", "--team", complete=complete_ids("Team"))] = None,
    status: Annotated[Str, _opt("Journey or opportunity status.", "--status")] = None,
    state: Annotated[Str, _opt("Journey: current (as-is, the default) or target (to-be).", "--state")] = None,
    improves: Annotated[Str, _opt("Target journey: the id of the current journey it improves (its level, "
                                  "parent, theme and steps are the default).", "--improves",
                                  complete=complete_ids("Journey"))] = None,
    insight_type: Annotated[Str, _opt("Insight: research, interview, usability-test, survey, feedback, "
                                      "analytics, observation or service-data.", "--type")] = None,
    source: Annotated[Str, _opt("Insight or metric: where it comes from.", "--source")] = None,
    date: Annotated[Str, _opt("Insight: when it was observed, YYYY-MM-DD (default: today).", "--date")] = None,
    summary: Annotated[Str, _opt("Insight: what was learned.", "--summary")] = None,
    evidence: Annotated[Str, _opt("Insight: a link to the material.", "--evidence")] = None,
    severity: Annotated[Str, _opt("Insight: low, medium, high or critical.", "--severity")] = None,
    confidence: Annotated[Str, _opt("Insight: low, medium or high.", "--confidence")] = None,
    link_step: Annotated[
        Many, _opt("Insight, metric or opportunity: steps it concerns (journey-id#step-id).", "--link-step",
                   complete=complete_steps)
    ] = None,
    unit: Annotated[Str, _opt("Metric: the unit (%, days, …).", "--unit")] = None,
    direction: Annotated[Str, _opt("Metric: increase or decrease.", "--direction")] = None,
    target: Annotated[Str, _opt("Metric: the target value.", "--target")] = None,
    problem: Annotated[Str, _opt("Opportunity: the customer's problem.", "--problem")] = None,
    idea: Annotated[Str, _opt("Opportunity: the idea.", "--idea")] = None,
    insight: Annotated[Many, _opt("Opportunity: ids of insights that are its evidence.", "--insight",
                                  complete=complete_ids("Insight"))] = None,
    metric: Annotated[Many, _opt("Opportunity: ids of metrics it should move.", "--metric",
                                 complete=complete_ids("Metric"))] = None,
    contact: Annotated[Str, _opt("Team: a shared channel or mailbox.", "--contact")] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never ask; fail if something is missing.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the file that would be written.")] = False,
    bank: BankOption = None,
) -> None:
    """Create a record from its template. On a terminal, everything that matters is asked
    (in every language of the bank, with numbered choices from the bank and defaults that
    Enter accepts) unless --no-input is given. Never overwrites."""
    from journeyops_cli.pipeline import display_prefix, load_bank
    from journeyops_cli.scaffold.new import (
        FIELDS,
        NewRecord,
        build,
        from_improved,
        id_problem,
        missing,
        option_name,
        split_list,
    )
    from journeyops_cli.scaffold.outcome import write_all
    from journeyops_cli.scaffold.render import TemplateError

    if kind is None:
        if no_input or not sys.stdin.isatty():
            fail(f"missing KIND: {KINDS_HELP}", EXIT_USAGE)
        kind = _ask_kind(bank_root(bank))
    if kind not in FIELDS:
        fail(f"unknown kind '{kind}'; choose one of: {', '.join(FIELDS)}")
    given = {
        "title": title, "id": record_id, "level": level, "parent": parent, "theme": theme,
        "description": description, "owner": owner, "team": team, "status": status,
        "state": state, "improves": improves,
        "type": insight_type, "source": source, "date": date, "summary": summary,
        "evidence": evidence, "severity": severity, "confidence": confidence, "unit": unit,
        "direction": direction, "target": target, "problem": problem, "idea": idea,
        "contact": contact,
        "steps": split_list(steps) if kind == "journey" else split_list(link_step),
        "step_parents": split_list(step_parents), "insights": split_list(insight),
        "metrics": split_list(metric),
    }
    if kind == "journey" and link_step:
        fail("--link-step does not apply to a journey; use --steps for its steps")
    if kind != "journey" and steps:
        fail(f"--steps does not apply to a {kind}; use --link-step to link it to steps")
    wrong = [option_name(name, kind) for name, value in given.items()
             if value not in (None, []) and name not in FIELDS[kind]]
    if wrong:
        fail(f"{', '.join(wrong)} does not apply to a {kind}")
    record = NewRecord(kind, {k: v for k, v in given.items() if v not in (None, [])})
    interactive = not no_input and sys.stdin.isatty()
    problem = id_problem(record)
    if problem and not (interactive and record.get("id") is None):  # else the id is asked
        fail(problem, EXIT_USAGE)
    root = bank_root(bank)
    if interactive:
        planned, language = _interview(record, root)
    else:
        loaded = load_bank(root).bank
        language = cli_language(loaded.config)
        from_improved(record, loaded)
        absent = missing(record, loaded)
        if absent:
            why = "cli.new.missing_no_input" if no_input else "cli.new.missing_no_terminal"
            fail(say(why, language, options=", ".join(absent)), EXIT_USAGE)
        try:
            planned = build(record, loaded)
        except TemplateError as error:  # the bank's own template: said in the bank's language
            fail(say(error.key, language, **error.values), error.exit_code)
    outcomes = write_all(root, [planned], dry_run)
    prefix = display_prefix(root)
    if dry_run:
        typer.echo(planned.content.decode("utf-8"), nl=False)
    for item in outcomes:
        if item.outcome != "create":
            fail(say("cli.new.exists", language, path=f"{prefix}{item.path}"), EXIT_FINDINGS)
        said = say("cli.outcome.would_create" if dry_run else "cli.outcome.create", language)
        typer.echo(f"{said}  {prefix}{item.path}")
