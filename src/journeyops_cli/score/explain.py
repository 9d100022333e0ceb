"""One score, explained: every factor with its raw input, normalised value, weight,
contribution and the records behind it, and every input that fell back to a default."""

from __future__ import annotations

import json

from journeyops_cli.score.base import Factor
from journeyops_cli.score.output import score_dict, shown
from journeyops_cli.score.rank import Ranked, Ranking


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
