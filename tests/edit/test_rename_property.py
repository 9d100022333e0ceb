"""Property: on a generated bank (every YAML style the generator writes), renaming a random
step or record with `edit/rename` gives the same bank as renaming it in the data
(`tests/edit/renaming.py`), and the bank still loads without errors."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from benchmarks.generate import generate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.edit.renaming import Records, records_of, renamed_record, renamed_step

from journeyops_cli.edit.rename import plan
from journeyops_cli.pipeline import load_bank

NEW_IDS = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,6})?", fullmatch=True)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Records]:
    root = tmp_path_factory.mktemp("generated") / "bank"
    generate(12, root, seed=11, style="varied")
    return root, records_of(root)


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(data=st.data(), new=NEW_IDS)
def test_a_random_rename_is_the_rename_of_the_data(generated: tuple[Path, Records], data: st.DataObject,
                                                   new: str) -> None:
    source, records = generated
    steps = sorted(f"{j}#{s['id']}" for (kind, j), d in records.items() if kind == "Journey" for s in d["steps"])
    keys = sorted(records)
    renaming_a_step = data.draw(st.booleans(), label="step")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "bank"
        shutil.copytree(source, root)
        bank = load_bank(root, cache=False).bank
        if renaming_a_step:
            ref = data.draw(st.sampled_from(steps), label="ref")
            journey = records[("Journey", ref.partition("#")[0])]
            if any(step["id"] == new for step in journey["steps"]):
                return
            plan(bank, ref, new).changes.write()
            expected = renamed_step(records, ref, new)
        else:
            kind, old = data.draw(st.sampled_from(keys), label="record")
            if (kind, new) in records or sum(1 for k, i in keys if i == old) > 1:
                return
            plan(bank, old, new).changes.write()
            expected = renamed_record(records, kind, old, new)
        assert records_of(root) == expected
