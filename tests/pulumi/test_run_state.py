"""permitguard.pulumi.run_state: the one place the policy pack keeps process state (the SDK calls a policy
with one resource's arguments and nothing else); `reset()` starts afresh."""
from __future__ import annotations

import pytest

from permitguard.pulumi import config, levels, policies, run_state

PROBLEM = "permitguard cannot judge this stack: no profile"


@pytest.fixture
def fresh(monkeypatch):
    """A pack state of its own; the session's is put back afterwards."""
    monkeypatch.setattr(run_state, "_state", run_state.PackState())
    return run_state.current()


def test_a_context_is_built_once_per_licence_configuration(fresh):
    first = config.context({}, environ={})
    assert config.context({}, environ={}) is first and len(fresh.contexts) == 1
    assert config.context({}, environ={"PERMITGUARD_AS_OF": "2026-01-02"}) is not first


def test_the_pack_decides_which_policies_run_the_context_disables_none(fresh):
    ctx = config.context({}, environ={})
    disabled = [meta.id for meta in ctx.rules if meta.enforcement == "disabled"]
    assert all(ctx.level(rule_id) == "advisory" for rule_id in disabled)
    assert dict(ctx.enforcement) == dict.fromkeys(disabled, "advisory")


def test_configured_levels_decide_whether_a_policy_blocks(fresh):
    assert levels.blocks("cnlic-101", "mandatory") and not levels.blocks("cnlic-101", "advisory")
    fresh.levels["cnlic-101"] = levels.pb.ADVISORY
    assert not levels.blocks("cnlic-101", "mandatory")
    fresh.settings["cnlic-101"] = {"license": "x.yaml"}
    assert levels.profile_settings() == {"cnlic-101": {"license": "x.yaml"}}


def test_a_profile_problem_is_reported_once_per_blocking_level_until_reset(fresh):
    assert policies._first_report(PROBLEM, blocking=False)  # noqa: SLF001 - the state it keeps
    assert policies._first_report(PROBLEM, blocking=True)  # noqa: SLF001 - an advisory report is not the one
    assert not policies._first_report(PROBLEM, blocking=True)  # noqa: SLF001
    assert not policies._first_report(PROBLEM, blocking=False)  # noqa: SLF001
    assert fresh.reported == {PROBLEM: {False, True}}
    run_state.reset()
    assert run_state.current() is not fresh and run_state.current().reported == {}
    assert policies._first_report(PROBLEM, blocking=True)  # noqa: SLF001


def test_reset_forgets_contexts_levels_settings_and_the_request(fresh):
    config.context({}, environ={})
    fresh.levels["cnlic-101"] = levels.pb.MANDATORY
    fresh.request.token = object()
    run_state.reset()
    state = run_state.current()
    assert (state.contexts, state.levels, state.settings, state.reported) == ({}, {}, {}, {})
    assert levels.request_token() is None
