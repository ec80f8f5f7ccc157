"""Data files (permitguard.datafiles): a parse remembered by content is the parse itself."""
from __future__ import annotations

from pathlib import Path

import pytest

from permitguard import datafiles
from permitguard.errors import CatalogError, ProfileError

ROOT = Path(__file__).resolve().parents[1]
DATA = sorted((ROOT / "policies" / "permitguard" / "data").rglob("*.yaml")) + [
    ROOT / "infra" / "licenses" / "B1-20195402.yaml"]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PERMITGUARD_CACHE_DIR", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize("path", DATA, ids=lambda p: p.name)
def test_the_remembered_parse_of_every_bundled_file_equals_a_fresh_one(cache, path):
    raw = path.read_bytes()
    fresh = datafiles.parse_yaml(raw, str(path), trusted=True)
    assert list((cache / "parsed").iterdir())  # remembered
    again = datafiles.parse_yaml(raw, str(path), trusted=True)
    assert again == fresh and type(again) is type(fresh)


def test_a_document_that_fails_is_never_remembered_and_fails_every_time(cache):
    bad = b"a: 1\na: 2\n"  # a key twice
    for _ in range(2):
        with pytest.raises(ProfileError, match="twice|duplicate"):
            datafiles.parse_yaml(bad, "profile", ProfileError)
    assert not (cache / "parsed").exists() or not list((cache / "parsed").iterdir())


def test_an_unreadable_cache_entry_is_parsed_again(cache):
    datafiles.parse_yaml(b"x: [1, 2]\n", "f")
    (entry,) = (cache / "parsed").iterdir()
    entry.write_text("{truncated")
    assert datafiles.parse_yaml(b"x: [1, 2]\n", "f") == {"x": [1, 2]}


def test_an_unwritable_cache_directory_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("PERMITGUARD_CACHE_DIR", str(blocker))  # a file, not a directory
    assert datafiles.parse_yaml(b"x: 1\n", "f") == {"x": 1}
    with pytest.raises(CatalogError):
        datafiles.parse_yaml(b"x: [\n", "f")


def test_a_profile_that_passed_is_not_validated_again_and_an_edited_one_is(cache, monkeypatch):
    from permitguard import license_file

    good = ROOT / "infra" / "licenses" / "B1-20195402.yaml"
    license_file.load_profile(good)
    assert list((cache / "validated").iterdir())  # remembered: it passed
    calls = []
    real = datafiles.schema_problems
    monkeypatch.setattr(datafiles, "schema_problems", lambda *a: calls.append(a) or real(*a))
    assert license_file.load_profile(good).number == "B1-20195402" and not calls  # not validated again
    edited = cache / "edited.yaml"
    edited.write_bytes(good.read_bytes().replace(b"renewal_notice_days: 90", b"renewal_notice_days: many", 1))
    with pytest.raises(ProfileError, match="renewal_notice_days"):
        license_file.load_profile(edited)
    with pytest.raises(ProfileError, match="renewal_notice_days"):  # a failure is never remembered
        license_file.load_profile(edited)
    assert len(calls) == 2
