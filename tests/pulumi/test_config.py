"""permitguard.pulumi.config: which licence profile a policy judges with, and problems as values."""
from __future__ import annotations

import datetime as dt

import yaml
from pack_client import ROOT

from permitguard.pulumi import config

PROFILE = ROOT / "infra" / "licenses" / "B1-20195402.yaml"


def test_bundled_profile_without_config_or_environment():
    ctx = config.context({}, environ={})
    assert ctx.profile.source == "bundled" and ctx.profile.number == "B1-20195402"


def test_environment_variable_when_the_config_names_none():
    ctx = config.context(None, environ={"PERMITGUARD_LICENSE": str(PROFILE)})
    assert ctx.profile.source == "$PERMITGUARD_LICENSE" and ctx.profile.path == str(PROFILE)


def test_config_path_wins_over_the_environment(tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text(PROFILE.read_text())
    ctx = config.context({"license": str(other)}, environ={"PERMITGUARD_LICENSE": str(PROFILE)})
    assert ctx.profile.source == "--policy-pack-config license" and ctx.profile.path == str(other)


def test_inline_profile_wins_and_whole_floats_become_ints():
    data = yaml.safe_load(PROFILE.read_text())
    data["license"]["renewal_notice_days"] = 60.0  # a protobuf Struct has only floats
    ctx = config.context({"profile": _strings(data), "license": "/nowhere"}, environ={})
    assert ctx.profile.source == "--policy-pack-config profile" and ctx.profile.renewal_notice_days == 60


def test_as_of_comes_from_the_environment():
    assert config.context({}, environ={"PERMITGUARD_AS_OF": "2026-01-02"}).as_of == dt.date(2026, 1, 2)


def test_problems_are_values_not_exceptions():
    bad_date = config.context({}, environ={"PERMITGUARD_AS_OF": "soon"})
    bad_type = config.context({"license": 42}, environ={})
    invalid = config.context({"profile": {"license": {}}}, environ={})
    for problem in (bad_date, bad_type, invalid):
        assert isinstance(problem, config.ProfileProblem)
        assert problem.message.startswith("permitguard cannot judge this stack: ")


def test_contexts_are_cached_per_profile_source():
    assert config.context({}, environ={}) is config.context({}, environ={})


def _strings(value):
    """Dates as ISO strings, as JSON config carries them."""
    if isinstance(value, dict):
        return {k: _strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strings(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value
