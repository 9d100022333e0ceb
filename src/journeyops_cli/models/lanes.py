"""The bank's own step lanes: the `lanes:` block of `journeyops.yaml` and the values steps
give them.

A lane is a row of the journey map that the organisation adds to the built-in ones, e.g.
the service-blueprint lanes frontstage, backstage and support processes:

    lanes:
      frontstage: {type: list, title: {fi: Asiakkaalle näkyvä toiminta, en: Frontstage}}
      waiting_days: {type: number, title: {fi: Odotus, en: Waiting}, unit: {fi: pv, en: days}}
      channel_owner:
        type: choice
        title: {fi: Kanavan omistaja, en: Channel owner}
        choices: {city: {fi: Kaupunki, en: City}, partner: {fi: Kumppani, en: Partner}}

A step then may carry those keys next to its built-in fields (`frontstage: [...]`). A key
that is neither a built-in field nor a declared lane stays an unknown field (JO020); a
value that does not fit its lane's type is JO021, and the value is left out (the record
still loads). The values of a journey's steps are kept on the journey
(`Journey.lanes_of`), not on each step: a bank without lanes pays nothing for them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    TypeAdapter,
    ValidationError,
    create_model,
    model_validator,
)
from pydantic_core import PydanticCustomError

from journeyops_cli.models.base import Slug, Strict, Text
from journeyops_cli.models.journey import Step

LaneType = Literal["text", "list", "number", "choice"]
LANE_ID_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
_LANE_ID = re.compile(LANE_ID_PATTERN)

# The built-in fields of a step, which no lane may take.
STEP_FIELDS: tuple[str, ...] = tuple(Step.model_fields)


def _lane_id(value: str) -> str:
    if value in STEP_FIELDS:
        raise PydanticCustomError(
            "lane_builtin",
            "'{lane}' is a built-in field of a step and cannot be a lane",
            {"lane": value, "hint": "give the lane another id, e.g. 'own_" + value + "'"},
        )
    if not _LANE_ID.match(value):
        raise PydanticCustomError(
            "lane_id",
            "'{lane}' is not a valid lane id",
            {"lane": value, "hint": "lane ids use lowercase letters a-z, digits and underscores and start "
                                    "with a letter, e.g. 'support_processes'"},
        )
    return value


LaneId = Annotated[
    str,
    AfterValidator(_lane_id),
    Field(examples=["frontstage"], json_schema_extra={"pattern": LANE_ID_PATTERN, "not": {"enum": list(STEP_FIELDS)}}),
]

# What `Lane._fits_type` checks, for editors that know only the JSON Schema.
_FITS_TYPE_SCHEMA: dict[str, Any] = {
    "allOf": [
        {
            "if": {"properties": {"type": {"const": "choice"}}, "required": ["type"]},
            "then": {"required": ["choices"], "properties": {"choices": {"minProperties": 1}}},
            "else": {"properties": {"choices": {"maxProperties": 0}}},
        },
        {
            "if": {"properties": {"type": {"const": "number"}}, "required": ["type"]},
            "else": {"properties": {"unit": {"type": "null"}}},
        },
    ]
}


class Lane(Strict):
    """One lane of the bank's own: a row that steps may fill in."""

    model_config = ConfigDict(json_schema_extra=_FITS_TYPE_SCHEMA)

    type: LaneType
    """What a step writes in it: `text` (one text, per language if the bank has several),
    `list` (a list of texts), `number` (a number, e.g. days of waiting) or `choice` (one
    of `choices`)."""
    title: Text
    """The lane's name on maps, the site, workbooks and the studio."""
    description: Text | None = None
    """What belongs in the lane; shown as help in the studio and the workbook."""
    unit: Text | None = None
    """The unit of a `number` lane (`days`, `{fi: pv, en: days}`)."""
    choices: dict[Slug, Text] = {}
    """The values of a `choice` lane: id and the words shown for it."""

    @model_validator(mode="after")
    def _fits_type(self) -> Lane:
        if self.type == "choice" and not self.choices:
            raise PydanticCustomError(
                "lane_choices",
                "a choice lane needs its choices",
                {"hint": "list them under `choices:`, e.g. {city: City, partner: Partner}"},
            )
        if self.type != "choice" and self.choices:
            raise PydanticCustomError(
                "lane_choices",
                "only a choice lane has choices, not a {type} lane",
                {"type": self.type, "hint": "remove `choices:`, or make the lane `type: choice`"},
            )
        if self.type != "number" and self.unit is not None:
            raise PydanticCustomError(
                "lane_unit",
                "only a number lane has a unit, not a {type} lane",
                {"type": self.type, "hint": "remove `unit:`, or make the lane `type: number`"},
            )
        return self


Lanes = dict[LaneId, Lane]
"""The `lanes:` block: each lane by its id, in the order the bank declares them."""

# What a step's value of each type of lane must be.
_VALUE_TYPES: dict[str, Any] = {
    "text": Text,
    "list": list[Text],
    "number": Annotated[StrictFloat, Field(allow_inf_nan=False)],
}


class _Values(BaseModel):
    model_config = ConfigDict(extra="forbid")


@lru_cache(maxsize=8)
def _values_model(declared: tuple[tuple[str, str, tuple[str, ...]], ...]) -> type[BaseModel]:
    """A model of one step's lane values, for lanes given as (id, type, choices). A lane
    id is the field's alias, not its name: ids such as `model_config` or `json` are
    pydantic's own names (the model could not be made) but are fine keys of a step."""
    fields: dict[str, Any] = {}
    for number, (lane_id, lane_type, choices) in enumerate(declared):
        kind = Literal[choices] if lane_type == "choice" else _VALUE_TYPES[lane_type]  # type: ignore[valid-type]
        fields[f"lane_{number}"] = (kind | None, Field(None, alias=lane_id))
    return create_model("StepLanes", __base__=_Values, **fields)


def values_model(lanes: Lanes) -> type[BaseModel]:
    """The model that checks one step's values of `lanes` (made once per declaration)."""
    return _values_model(tuple((lane_id, lane.type, tuple(lane.choices)) for lane_id, lane in lanes.items()))


def split_steps(steps: list[Any], lanes: Lanes) -> tuple[list[Any], list[dict[str, Any]]]:
    """Each step's data without its values of `lanes`, and those values as written ({}
    for a step that holds none, or is not a mapping)."""
    own_steps: list[Any] = []
    written: list[dict[str, Any]] = []
    for step in steps:
        if type(step) is not dict or lanes.keys().isdisjoint(step):
            own_steps.append(step)
            written.append({})
            continue
        own_steps.append({key: value for key, value in step.items() if key not in lanes})
        written.append({key: value for key, value in step.items() if key in lanes})
    return own_steps, written


@lru_cache(maxsize=8)
def _steps_adapter(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def check_steps(
    written: list[dict[str, Any]], lanes: Lanes
) -> tuple[list[dict[str, Any]], list[tuple[int, ValidationError]]]:
    """Each step's values (`split_steps`) that fit their lanes, in the order the bank
    declares them, and the error of each step whose values do not all fit. The steps are
    checked in one call; only a journey with a value that does not fit is checked again
    step by step, for each step's own error."""
    model = values_model(lanes)
    try:
        _steps_adapter(model).validate_python(written)
    except ValidationError:
        fits: list[dict[str, Any]] = []
        errors: list[tuple[int, ValidationError]] = []
        for number, values in enumerate(written):
            kept, error = check_values(values, lanes)
            fits.append(kept)
            if error is not None:
                errors.append((number, error))
        return fits, errors
    return [_in_order(values, lanes) if values else {} for values in written], []


def _in_order(values: dict[str, Any], lanes: Lanes, leave_out: Collection[Any] = ()) -> dict[str, Any]:
    """The values that are given, by lane in the declared order, but those of `leave_out`."""
    return {key: values[key] for key in lanes if values.get(key) is not None and key not in leave_out}


def check_values(values: dict[str, Any], lanes: Lanes) -> tuple[dict[str, Any], ValidationError | None]:
    """One step's lane values that fit their lanes (in the order declared), and the
    error of those that do not (None when all fit)."""
    model = values_model(lanes)
    try:
        model.model_validate(values)
    except ValidationError as error:
        wrong = {detail["loc"][0] for detail in error.errors(include_url=False) if detail["loc"]}
        return _in_order(values, lanes, wrong), error
    return _in_order(values, lanes), None
