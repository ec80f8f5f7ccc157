"""permitguard.checkov.run_state: the one place the Checkov front door keeps process state (Checkov calls a
check with a conf and nothing else); what a run's checks share is built once and forgotten by `reset()`."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from permitguard.checkov import run_state, shared
from permitguard.errors import InputError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PLAN = FIXTURES / "CKV_CNLIC_101" / "plan.json"


@pytest.fixture
def fresh(monkeypatch):
    """A run of its own; the session's run (Checkov's in-process runs) is put back afterwards."""
    monkeypatch.setattr(run_state, "_run", run_state.CheckovRun())
    return run_state.current()


def test_the_context_is_built_once_per_profile_variable_directory_and_date(fresh, tmp_path):
    first = shared.context(environ={}, cwd=str(tmp_path))
    assert shared.context(environ={}, cwd=str(tmp_path)) is first
    assert list(fresh.contexts) == [(None, str(tmp_path), None)]
    assert shared.context(environ={"PERMITGUARD_AS_OF": "2026-01-02"}, cwd=str(tmp_path)) is not first


def test_a_broken_profile_raises_every_time_and_is_built_once(fresh, tmp_path):
    environ = {"PERMITGUARD_LICENSE": str(tmp_path / "absent.yaml")}
    for _ in range(2):
        with pytest.raises(Exception, match="absent.yaml"):
            shared.context(environ=environ, cwd=str(tmp_path))
    assert len(fresh.contexts) == 1


def test_a_plan_is_read_once_per_file_version(fresh, tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    address = json.loads(path.read_text())["planned_values"]["root_module"]["resources"][0]["address"]
    first = shared.plan_resources(str(path), address)
    assert shared.plan_resources(str(path), address) is first
    assert len(fresh.plans) == 1
    stamp = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(stamp, stamp))  # a new version of the file: read again
    assert shared.plan_resources(str(path), address) is not first
    assert len(fresh.plans) == 2
    with pytest.raises(InputError, match="is not among the plan's resource_changes"):
        shared.plan_resources(str(path), "aws_vpc.absent")


def test_the_graph_vertices_are_listed_once_per_graph(fresh):
    class Graph:
        calls = 0

        def nodes(self, data=False):
            Graph.calls += 1
            return [(0, {"block_type_": "resource"})]

    graph = Graph()
    assert shared.graph_nodes_of(graph) == [{"block_type_": "resource"}]
    assert shared.graph_nodes_of(graph) == [{"block_type_": "resource"}] and Graph.calls == 1
    assert fresh.graph[0][0] is graph


def test_reset_forgets_the_run_and_keeps_the_registered_checks(monkeypatch, tmp_path):
    monkeypatch.setattr(run_state, "_run", run_state.current())  # put back after the test
    registered = object()  # stands for a check registered with Checkov
    monkeypatch.setattr(run_state, "checks", [registered])
    shared.context(environ={}, cwd=str(tmp_path))
    before = run_state.current()
    run_state.reset()
    after = run_state.current()
    assert after is not before
    assert (after.contexts, after.plans, after.graph, after.roots) == ({}, {}, [], {})
    assert after.documents.parsed(PLAN) is None
    assert run_state.checks == [registered]  # Checkov's registry still holds them


def test_findings_are_judged_once_per_resource_and_only_the_last_resources_are_kept(fresh, monkeypatch,
                                                                                    tmp_path):
    from permitguard import engine
    from permitguard.model import Resource

    calls = []
    real = engine.evaluate

    def counted(resource, ctx, rule_ids=None, peers=None):
        calls.append((resource.address, rule_ids))
        return real(resource, ctx, rule_ids, peers)

    monkeypatch.setattr(shared.engine, "evaluate", counted)
    ctx = shared.context(environ={}, cwd=str(tmp_path))
    resources = [Resource(address=f"alicloud_vpc.v{i}", type="alicloud_vpc", cloud="alicloud",
                          attributes={}, provider_region="cn-hongkong" if i % 2 else "cn-beijing")
                 for i in range(shared.FINDINGS_KEPT + 3)]
    first = {}
    for r in resources:
        for rule_id in ("CKV_CNLIC_101", "CKV_CNLIC_103", "CKV_CNLIC_101"):  # the checks of one entity
            found = shared.findings(r, ctx, rule_id)
            first.setdefault((r.address, rule_id), found)
    assert calls == [(r.address, None) for r in resources]  # every rule judged once, at the first check
    assert len(fresh.findings) == shared.FINDINGS_KEPT
    assert [held[0] for held in fresh.findings.values()] == resources[-shared.FINDINGS_KEPT:]
    again = shared.findings(resources[0], ctx, "CKV_CNLIC_101")  # moved past: judged again, alike
    assert len(calls) == len(resources) + 1
    assert [(f.status, f.message_en) for f in again] == [
        (f.status, f.message_en) for f in first[(resources[0].address, "CKV_CNLIC_101")]]
    assert {f.status.value for r in resources[:2] for f in first[(r.address, "CKV_CNLIC_101")]} == {
        "passed", "failed"}
