"""The bank configuration, `journeyops.yaml` at the bank root."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, PrivateAttr, model_validator

from journeyops_cli.models.base import LanguageCode, Slug, Strict
from journeyops_cli.models.config_import import ImportProfile
from journeyops_cli.models.config_lint import LintConfig
from journeyops_cli.models.config_scoring import ScoringConfig
from journeyops_cli.models.config_site import SiteConfig
from journeyops_cli.models.lanes import Lanes

CONFIG_FILE = "journeyops.yaml"


class LimitsConfig(Strict):
    """Bounds on what the loader accepts, so a hostile file cannot hurt the run."""

    max_file_bytes: Annotated[int, Field(gt=0)] = 5_000_000
    """Files larger than this many bytes are reported and not parsed."""
    max_depth: Annotated[int, Field(gt=0, le=1000)] = 64
    """Deepest nesting of mappings and sequences accepted in a document."""
    max_aliases: Annotated[int, Field(ge=0)] = 0
    """How many YAML aliases (`*name`) a file may use; 0 forbids them."""

    # The step lanes the bank declares (`BankConfig.lanes`): what a step may hold besides
    # its built-in fields. They travel with the limits because every reader of the bank's
    # files (the loader, the edit path's check, the studio, imports) is handed these.
    _lanes: Lanes = PrivateAttr(default_factory=dict)

    @property
    def lanes(self) -> Lanes:
        """The bank's own step lanes the loader accepts ({} when it declares none)."""
        # Straight from pydantic's slot: the loader asks once a file, and `self._lanes`
        # would go through BaseModel.__getattr__.
        return self.__pydantic_private__["_lanes"]  # type: ignore[index,no-any-return]


class BankConfig(Strict):
    """Settings of a journey bank."""

    name: str
    """The bank's name, shown on the site."""
    languages: Annotated[list[LanguageCode], Field(min_length=1)] = ["en"]
    """Languages of the bank's text; the first is the default."""
    exclude: list[str] = []
    """Glob patterns (relative to the bank root) of files and folders the loader skips."""
    limits: LimitsConfig = LimitsConfig()
    """Bounds on file size, nesting and aliases."""
    lint: LintConfig = LintConfig()
    """Which checks run and how severe their findings are."""
    scoring: ScoringConfig = ScoringConfig()
    """How `journeyops prioritise` ranks opportunities."""
    site: SiteConfig = SiteConfig()
    """Options of the static site."""
    import_profiles: dict[Slug, ImportProfile] = Field({}, alias="import")
    """Named profiles of `journeyops import insights --profile NAME`."""
    lanes: Lanes = {}
    """The bank's own step lanes (e.g. the service-blueprint lanes frontstage, backstage
    and support processes): each lane's id, `type` (text, list, number or choice),
    `title`, and optional `description`, `unit` (number) and `choices` (choice). Steps
    may then carry those keys; maps, the site, workbooks and the studio show them."""

    @model_validator(mode="after")
    def _hand_lanes_to_the_loader(self) -> BankConfig:
        if self.lanes:
            limits = self.limits.model_copy()
            limits._lanes = self.lanes
            object.__setattr__(self, "limits", limits)  # not "given": the config's own copy
        return self

    @property
    def default_language(self) -> str:
        return self.languages[0]
