"""The one cache-key recipe (`speed/store.Key`) and the one signed store."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeyops_cli.models.config import BankConfig
from journeyops_cli.speed import store


def test_a_key_changes_with_every_part_and_with_the_code() -> None:
    config = BankConfig.model_validate({"name": "A"})
    other = BankConfig.model_validate({"name": "B"})
    keys = {
        store.key(config),
        store.key(other),
        store.key(config, "x"),
        store.key("x", config),
        store.key(config, modules=["place.py"]),
        store.key(config, modules=["place.py", "findings.py"]),
        store.key(b"\x00"),
        store.key(""),
    }
    assert len(keys) == 8
    assert store.key(config, "x") == store.Key().add(config).add("x").hexdigest()
    # Parts are separated: ("ab",) is not ("a", "b").
    assert store.key("ab") != store.key("a", "b")


def test_a_blob_is_read_back_only_under_its_key_and_signature(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    secret = store.secret()
    assert secret is not None
    blob = tmp_path / store.CACHE_DIR / "x.bin"
    store.dump(blob, secret, "k1", {"a": 1})
    assert store.load(blob, secret, "k1") == {"a": 1}
    assert store.load(blob, secret, "k2") is None
    assert store.load(blob, b"another secret" * 3, "k1") is None
    assert (tmp_path / store.CACHE_DIR / ".gitignore").is_file()


UNPICKLED: list[str] = []


def _unpickled(name: str) -> str:
    UNPICKLED.append(name)
    return name


class Counted:
    """Unpickled as `_unpickled(name)`: the list says what was unpickled."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __reduce__(self) -> tuple[object, ...]:
        return (_unpickled, (self.name,))


def test_a_blob_stored_under_another_key_is_not_unpickled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    secret = store.secret()
    blob = tmp_path / store.CACHE_DIR / "x.bin"
    # The key and the value share strings: each pickle has its own memo.
    store.dump(blob, secret, ("k1", "shared"), [Counted("value"), "shared", {"k1": "shared"}])
    UNPICKLED.clear()
    assert store.load(blob, secret, ("k2", "shared")) is None
    assert UNPICKLED == []
    assert store.load(blob, secret, ("k1", "shared")) == ["value", "shared", {"k1": "shared"}]
    assert UNPICKLED == ["value"]


def test_parts_are_read_alone_and_only_with_the_digest_they_were_written_with(tmp_path: Path) -> None:
    path = tmp_path / ".journeyops_cache" / "x.records"
    places = store.dump_parts(path, [["a", 1], {"b": 2}, []])
    assert places is not None and len(places) == 3
    assert store.load_parts(path, [places[1], places[0]]) == [{"b": 2}, ["a", 1]]
    assert store.load_parts(path, []) == []
    # Planted or damaged bytes are never unpickled: the digest the signed head holds decides.
    data = bytearray(path.read_bytes())
    data[places[1][0]] ^= 0xFF
    path.write_bytes(bytes(data))
    assert store.load_parts(path, [places[0]]) == [["a", 1]]
    assert store.load_parts(path, [places[1]]) is None
    path.write_bytes(bytes(data[: places[2][0] - 1]))  # short
    assert store.load_parts(path, [places[1]]) is None
    path.unlink()
    assert store.load_parts(path, [places[0]]) is None
