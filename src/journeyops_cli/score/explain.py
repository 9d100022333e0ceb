"""One score, explained: every factor with its raw input, normalised value, weight,
contribution, why it has its value and the records behind it, and every input that fell
back to a default.

`prioritise --explain` writes it as text or JSON; the site shows the same explanation in
a page's language (`explanation()` keeps it as data, `in_words()` writes it): each factor's
`Reason` (`score/reasons.py`) in the catalogue's words, only the language differs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from journeyops_cli.render.formats import number, plural
from journeyops_cli.score.base import Factor, Missing, Score
from journeyops_cli.score.output import score_dict, shown
from journeyops_cli.score.rank import Ranked, Ranking
from journeyops_cli.score.reasons import Label, Reason, Term, words


@dataclass(frozen=True, slots=True)
class Line:
    """One factor of a score: its points (additive models, `points`) or its input
    (multiplicative ones; None when not a number) and why it has its value."""

    factor: str
    amount: float | None
    reason: Reason
    points: bool = False


@dataclass(frozen=True, slots=True)
class Explanation:
    """A score's explanation as data: each factor in the model's order, and each input
    that fell back to a documented default."""

    factors: tuple[Line, ...]
    missing: tuple[Missing, ...]


def explanation(score: Score) -> Explanation:
    """The explanation of `score` the site shows (the same factors and reasons as `--explain`)."""
    lines = []
    for f in score.factors:
        amount = f.contribution if f.contribution is not None else f.raw
        lines.append(Line(f.name, float(amount) if isinstance(amount, int | float) else None, f.reason,
                          points=f.contribution is not None))
    return Explanation(tuple(lines), tuple(score.missing))


def in_words(
    explained: Explanation,
    language: str,
    label: Label | None = None,
    written: dict[Line | Missing, str] | None = None,
) -> tuple[list[str], list[str]]:
    """Each factor and each missing input as a sentence in `language`, records named by
    `label` (ids it does not name `backticked`): `asiakkaan kipu, 20,83 pistettä: heikoin vaihe
    Hakemus › Liitteet (tunne -2, 2 kipukohtaa)`. `written` keeps the sentences already
    written in this language with this `label`, by line: many scores share lines (the same
    estimates, no metric, a default), and a site writes each one once."""
    known = {} if written is None else written

    def sentence(item: Line | Missing) -> str:
        found = known.get(item)
        if found is None:
            if isinstance(item, Line):
                reason = Reason.of(_line_key(item, language), factor=Term("factor", item.factor), why=item.reason,
                                   amount="–" if item.amount is None else number(item.amount, language))
            else:
                reason = Reason.of("explain.missing", factor=Term("factor", item.factor), why=item.reason,
                                   default=item.default)
            found = known[item] = words(reason, language, page=True, label=label)
        return found

    return [sentence(line) for line in explained.factors], [sentence(m) for m in explained.missing]


def _line_key(line: Line, language: str) -> str:
    """Points (`asiakkaan kipu, 20,83 pistettä: …`) or a multiplicative model's input
    (`tavoittavuus 2 400: pisteet kerrotaan tällä luvulla`)."""
    if line.points and line.amount is not None:
        return f"explain.line.points.{plural(round(line.amount, 2), language)}"
    return "explain.line"


def _raw(factor: Factor) -> str:
    if factor.raw is None:
        return "-"
    if isinstance(factor.raw, float):
        return f"{factor.raw:.4g}"
    return str(factor.raw)


def explain_text(row: Ranked, ranking: Ranking) -> str:
    score = row.score
    place = f"rank {row.rank}" if row.rank else "not ranked with these filters"
    lines = [
        f"{row.opportunity.id}: {row.title}",
        f"model {score.model}: {score.formula}",
        f"score {shown(score.total)} ({place}; status {row.opportunity.status}; "
        f"reference date {ranking.today.isoformat()}, {ranking.today_source})",
        "",
        f"{'factor':<17} {'raw':>9} {'normalised':>10} {'weight':>7} {'contribution':>12}  detail",
    ]
    for f in score.factors:
        weight = "-" if f.weight is None else f"{f.weight:g}"
        contribution = "-" if f.contribution is None else f"{f.contribution:.2f}"
        flag = " [default]" if f.missing else ""
        lines.append(
            f"{f.name:<17} {_raw(f):>9} {f.normalised:>10.3f} {weight:>7} {contribution:>12}  {f.detail}{flag}"
        )
        if f.evidence:
            lines.append(f"{'':<17} evidence: {', '.join(f.evidence)}")
    if all(f.contribution is not None for f in score.factors):
        total = " + ".join(f"{f.contribution:.2f}" for f in score.factors)
        lines.append(f"sum of contributions: {total} = {shown(score.total)}")
    lines.append("")
    if score.missing:
        lines.append("missing inputs (documented defaults used):")
        lines += [f"  - {m.describe()}" for m in score.missing]
    else:
        lines.append("missing inputs: none")
    return "\n".join(lines) + "\n"


def explain_json(row: Ranked, ranking: Ranking) -> str:
    data = {
        "model": ranking.model,
        "formula": row.score.formula,
        "reference_date": ranking.today.isoformat(),
        "reference_date_source": ranking.today_source,
        **score_dict(row),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
