"""Names in src/journeyops_cli that vulture cannot see being used, because a framework or a
template uses them (vulture's whitelist mechanism: this file is passed to vulture beside
the source, and every name below counts as used). Each group says who uses its names.

Functions and classes are imported, so a stale entry fails `tests/test_dead_code.py`
(which imports this module); attributes are written `_.name`, a use vulture counts.
Never add a name here to quiet vulture about code that nobody uses: delete the code.
"""

from __future__ import annotations

from journeyops_cli.cli.importing import import_command, observe_command
from journeyops_cli.cli.link import link_command, unlink_command
from journeyops_cli.cli.listing import list_command
from journeyops_cli.cli.rename import rename_command
from journeyops_cli.cli.show import show_command
from journeyops_cli.cli.site import serve
from journeyops_cli.pipeline import BankError
from journeyops_cli.rules.evidence.done_off_target import DoneOffTarget
from journeyops_cli.rules.evidence.insight_unlinked import InsightUnlinked
from journeyops_cli.rules.evidence.metric_off_target import MetricOffTarget
from journeyops_cli.rules.evidence.metric_target import MetricTarget
from journeyops_cli.rules.evidence.observation_dates import DuplicateObservationDate
from journeyops_cli.rules.evidence.opportunity_evidence import OpportunityEvidence
from journeyops_cli.rules.evidence.opportunity_overlap import OpportunityOverlap
from journeyops_cli.rules.evidence.opportunity_steps import OpportunitySteps
from journeyops_cli.rules.evidence.unevidenced_pain import UnevidencedPain
from journeyops_cli.rules.evidence.unsafe_link import UnsafeLink
from journeyops_cli.rules.hygiene.near_duplicate import NearDuplicateJourney
from journeyops_cli.rules.hygiene.owner_team import OwnerAndTeam
from journeyops_cli.rules.hygiene.team_handle import TeamHandle
from journeyops_cli.rules.hygiene.translations import MissingTranslation
from journeyops_cli.rules.levels.coverage import TopCoverage
from journeyops_cli.rules.levels.customer_groups import CustomerGroupsWithinParent
from journeyops_cli.rules.levels.cycle import ParentCycle
from journeyops_cli.rules.levels.improves import ImprovesLevel, ImprovesOnCurrent, ImprovesTarget
from journeyops_cli.rules.levels.parent_level import ParentLevel
from journeyops_cli.rules.levels.parent_step import ParentStep
from journeyops_cli.rules.levels.step_order import StepOrder
from journeyops_cli.rules.levels.theme_agrees import ThemeAgrees
from journeyops_cli.rules.levels.theme_missing import ThemeMissing
from journeyops_cli.rules.privacy.email import EmailAddress
from journeyops_cli.rules.privacy.identity_code import IdentityCode
from journeyops_cli.rules.privacy.phone import PhoneNumber
from journeyops_cli.rules.references.duplicate_id import DuplicateId
from journeyops_cli.rules.references.duplicate_step import DuplicateStepId
from journeyops_cli.rules.references.unresolved import UnresolvedReference
from journeyops_cli.rules.source import (
    ByteOrderMark,
    ConfigInvalid,
    ConfigLane,
    DuplicateKey,
    FileEmpty,
    FileEncoding,
    FileLink,
    FileTooLarge,
    LaneValue,
    RecordNotMapping,
    SchemaInvalid,
    UnknownKind,
    YamlAlias,
    YamlReadersDisagree,
    YamlSyntax,
    YamlTag,
    YamlTooDeep,
)
from journeyops_cli.rules.suppression import UnusedSuppression


class _Used:
    """Any attribute of it is itself: `_.name` is valid Python and a use of `name`."""

    def __getattr__(self, name: str) -> _Used:
        return self


_ = _Used()

# typer: the commands are registered by decorator (`@app.command(...)`) and called by click.
(import_command, observe_command, link_command, unlink_command, serve, list_command, rename_command, show_command)

# rules/registry: every `Rule` subclass in the rule modules is found by `rules_in(module)`
# and registered by its code; nothing names the class.
(
    DoneOffTarget, InsightUnlinked, MetricOffTarget, MetricTarget, OpportunityEvidence,
    OpportunityOverlap, OpportunitySteps, UnevidencedPain, UnsafeLink, DuplicateObservationDate,
    NearDuplicateJourney, OwnerAndTeam, TeamHandle, MissingTranslation,
    TopCoverage, CustomerGroupsWithinParent, ParentCycle, ParentLevel, ParentStep, StepOrder,
    ThemeAgrees, ThemeMissing, ImprovesOnCurrent, ImprovesTarget, ImprovesLevel,
    EmailAddress, IdentityCode, PhoneNumber,
    DuplicateId, DuplicateStepId, UnresolvedReference,
    ByteOrderMark, ConfigInvalid, ConfigLane, DuplicateKey, FileEmpty, FileEncoding, FileLink, FileTooLarge,
    LaneValue, RecordNotMapping, SchemaInvalid, UnknownKind, YamlAlias, YamlReadersDisagree, YamlSyntax,
    YamlTag, YamlTooDeep,
    UnusedSuppression,
)

# Kept on purpose until the branches written before them are merged (docs/architecture.md):
# the old name of JourneyopsError.
(BankError,)

# pydantic: configuration and fields that validation, JSON Schema (`schemas/`) and
# model_dump read, not our code by attribute: `lint.stale_after_days` is read by its key
# (rules/engine.SHORTCUTS), `reviews` is written by the edit path (edit/review.py), the
# estimates are read with getattr (score/factors.py); `_document` is a private attribute
# the loader sets and `Record.document` reads through `__pydantic_private__`.
_.model_config
_.model_post_init  # pydantic calls it after validating a model (models/base.Strict)
_.stale_after_days
_.reviews
_.impact
_.effort
_.ease
_.business_value
_.time_criticality
_.risk_reduction
_.job_size
_._document
# The values of the bank's own lanes: the loader sets `Journey._lanes` (and config.py the
# loader's copy on `LimitsConfig._lanes`); they are read through `__pydantic_private__`.
# pydantic runs the model validators of the lanes (models/lanes.py, models/config.py).
_._lanes
_._fits_type
_._hand_lanes_to_the_loader

# bank: the reverse indexes are filled by name (bank.INDEXES, Bank._link and
# bank/replace.py); nothing reads the metric -> opportunities one yet.
_.metric_opportunities

# ruamel.yaml: YAML() instance settings read by ruamel itself (edit/roundtrip.py).
_.Constructor
_.Representer
_.preserve_quotes
_.allow_duplicate_keys

# PyYAML: Resolver hooks the composer calls; load/yaml_read.UntaggedComposer turns them off.
_.descend_resolver
_.ascend_resolver

# markdown-it-py: the link validator hook the renderer calls (render/safety.py).
_.validateLink

# jinja2: the class of every template context and of every template the environment makes,
# and the hook that makes a template's globals (render/env.py).
_.context_class
_.template_class
_.make_globals

# openpyxl: cell, sheet and validation properties that openpyxl writes into the workbook
# (sheets/write.py).
_.quotePrefix
_.alignment
_.font
_.fill
_.freeze_panes
_.sheet_state
_.errorTitle

# http.server: the handler hook and server setting the standard library calls (site/serve.py).
_.log_message
_.daemon_threads

# jinja templates (templates/): view-model fields and methods read only by a template.
_.explanation  # site/pages.py: templates/site/backlog.html.j2
_.asset  # site/links.py Links.asset: templates/site/*.html.j2 call link.asset(...)
_.journey_title  # render/journey_map.py: templates/render/_map.html.j2, journey.md.j2
_.step_title  # render/journey_map.py: templates/render/_map.html.j2, journey.md.j2
_.latest_text  # render/journey_map.py: templates/render/_map.html.j2, journey.md.j2
_.has_changes  # render/journey_map.py Comparison: templates/render/_map.html.j2, journey.md.j2
_.target_text  # render/journey_map.py: templates/render/_map.html.j2, journey.md.j2
_.child_steps  # render/journey_map.py: templates/render/_map.html.j2
_.missing_emotion  # render/journey_map.py: templates/render/journey.html.j2, journey.md.j2

# PENDING: dead (or used only by a test) in files other engineers are editing now
# (/work/notes/inflight.txt). Listed in hygiene's report; the integrator deletes the code
# and these lines once their work is merged.
_.latest_date  # render/journey_map.py: set, read by no template or code
_.phases  # render/journey_map.py JourneyMap.phases(): templates/render/_map.html.j2
