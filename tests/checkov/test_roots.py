"""Checkov over a directory of two root configurations (tests/fixtures/multi_root): each resource is
judged with its own root's provider; a module called from both roots gets the worse verdict (Checkov
reports it once)."""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "multi_root"


def test_each_root_uses_its_own_provider(checkov_run, monkeypatch):
    monkeypatch.setenv("PERMITGUARD_AS_OF", "2026-11-28")
    outcome = checkov_run(FOLDER)
    assert outcome.parsing_errors == []
    assert {(a, r) for c, a, r in outcome.results if c == "CKV_CNLIC_101"} == {
        ("alicloud_vpc.fail_dev_hk", "FAILED"),
        ("alicloud_vpc.pass_prod_beijing", "PASSED"),
        ("alicloud_vpc.main", "SKIPPED"),  # envs/dev's, skipped there
        ("alicloud_vpc.main", "PASSED"),  # envs/prod's
        ("module.net.alicloud_vswitch.net", "FAILED"),  # Hong Kong through envs/dev
    }
    assert outcome.details[("CKV_CNLIC_101", "module.net.alicloud_vswitch.net")][0] == (
        "module.net.alicloud_vswitch.net is in alicloud cn-hongkong → Hong Kong (CN-HK), Hong Kong, "
        "outside mainland China (Hong Kong)."
    )


def test_the_vertex_index_finds_the_roots_a_walk_over_every_vertex_finds():
    import json

    from permitguard.checkov.roots import root_dirs, vertex_index

    call_dev = {"path": "envs/dev/main.tf", "nested_tf_module": None}
    call_prod = json.dumps({"path": "envs/prod/main.tf", "nested_tf_module": None})  # as Checkov may save it
    nested = {"path": "modules/app/main.tf", "nested_tf_module": {"path": "envs/prod/main.tf"}}
    nodes = [
        {"block_type_": "resource", "__address__": "alicloud_vpc.main", "file_path_": "envs/dev/main.tf"},
        {"block_type_": "resource", "__address__": "alicloud_vpc.main", "file_path_": "envs/prod/main.tf"},
        {"block_type_": "resource", "__address__": "module.net.alicloud_vswitch.net",
         "file_path_": "modules/net/main.tf", "source_module_object_": call_dev},
        {"block_type_": "resource", "__address__": "module.net.alicloud_vswitch.net",
         "file_path_": "modules/net/main.tf", "source_module_object_": call_prod},
        {"block_type_": "resource", "__address__": "module.app.module.net.alicloud_vswitch.net",
         "file_path_": "modules/net/main.tf", "source_module_object_": nested},
        {"block_type_": "module", "__address__": "net", "file_path_": "envs/dev/main.tf"},
        {"block_type_": "variable", "__address__": "alicloud_vpc.main", "file_path_": "envs/dev/main.tf"},
    ]
    index = vertex_index(nodes)
    asked = {(n["block_type_"], n["__address__"]) for n in nodes} | {("resource", "aws_vpc.absent")}
    for block_type, address in sorted(asked):
        for scanned in ("", "/main.tf", "/envs/dev/main.tf", "/../../modules/net/main.tf"):
            assert root_dirs(nodes, address, block_type, scanned, index) == root_dirs(
                nodes, address, block_type, scanned), (block_type, address, scanned)
    assert root_dirs(nodes, "module.net.alicloud_vswitch.net", "resource", "", index) == [
        "envs/dev", "envs/prod"]
    assert root_dirs(nodes, "alicloud_vpc.main", "resource", "/envs/dev/main.tf", index) == ["envs/dev"]
    assert root_dirs(nodes, "alicloud_vpc.main", "variable", "", index) == ["envs/dev"]  # not indexed
