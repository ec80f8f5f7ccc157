"""Which root modules a change touches, and how roots split into CI shards (terraform.affected)."""
from __future__ import annotations

from pathlib import Path

import pytest

from permitguard.terraform import affected


def _tree(tmp_path: Path) -> Path:
    """live/prod and live/stage call modules/net (prod through modules/app); tools/ holds no .tf."""
    files = {
        "live/prod/main.tf": 'module "app" {\n  source = "../../modules/app"\n}\n',
        "live/prod/terraform.tfvars": 'region = "cn-beijing"\n',
        "live/stage/main.tf": 'module "net" {\n  source = "../../modules/net"\n}\n',
        "modules/app/main.tf": 'module "net" {\n  source = "../net"\n}\n',
        "modules/net/main.tf": 'resource "alicloud_vpc" "v" {}\n',
        "modules/unused/main.tf": 'resource "alicloud_vpc" "u" {}\n',
        "README.md": "# infra\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def names(roots: list[Path], top: Path) -> list[str]:
    return [r.relative_to(top.resolve()).as_posix() for r in roots]


def test_a_module_file_touches_every_root_that_reaches_it_directly_or_through_another_module(tmp_path):
    top = _tree(tmp_path)
    net = affected.touched_roots(top, [top / "modules/net/main.tf"])
    assert names(net, top) == ["live/prod", "live/stage"]
    assert names(affected.touched_roots(top, [top / "modules/app/main.tf"]), top) == ["live/prod"]


def test_a_variables_file_touches_its_own_root_only(tmp_path):
    top = _tree(tmp_path)
    assert names(affected.touched_roots(top, [top / "live/prod/terraform.tfvars"]), top) == ["live/prod"]


def test_files_that_are_no_terraform_touch_nothing(tmp_path):
    top = _tree(tmp_path)
    assert affected.touched_roots(top, [top / "README.md", top / "live/prod/notes.txt"]) == []


def test_an_uncalled_module_is_a_root_of_its_own(tmp_path):
    """A directory no one calls is judged on its own (as find_roots says), so its edit is judged."""
    top = _tree(tmp_path)
    assert names(affected.touched_roots(top, [top / "modules/unused/main.tf"]), top) == ["modules/unused"]


def test_a_deleted_file_still_touches_the_root_it_was_in(tmp_path):
    top = _tree(tmp_path)
    assert names(affected.touched_roots(top, [top / "live/stage/gone.tf"]), top) == ["live/stage"]


def test_relative_paths_are_read_from_the_working_directory(tmp_path, monkeypatch):
    top = _tree(tmp_path)
    monkeypatch.chdir(top / "live")
    assert names(affected.touched_roots(top, [Path("../modules/net/main.tf")]), top) == [
        "live/prod", "live/stage"]


@pytest.mark.parametrize("value, want", [("1/1", (1, 1)), ("2/4", (2, 4)), (" 3/3", (3, 3))])
def test_shard_values(value, want):
    assert affected.parse_shard(value) == want


@pytest.mark.parametrize("value", ["0/3", "4/3", "1", "a/b", "1/0", "-1/2", "1/2/3", ""])
def test_bad_shard_values_say_why(value):
    with pytest.raises(ValueError, match="--shard"):
        affected.parse_shard(value)


def test_shards_are_disjoint_cover_everything_and_are_balanced():
    keys = [f"live/r{i:02d}" for i in range(23)]
    shards = [affected.in_shard(keys, (k, 4)) for k in range(1, 5)]
    assert set().union(*shards) == set(keys)
    assert sum(len(s) for s in shards) == len(keys)  # disjoint
    assert max(map(len, shards)) - min(map(len, shards)) <= 1
    assert affected.in_shard(reversed(keys), (2, 4)) == shards[1]  # the order keys come in does not matter
