"""Configuration through Pulumi's own mechanism (`--policy-pack-config`, reconciled as the CLI does):
enforcement levels (`all`, per policy) and the licence profile (path or inline); a bad profile gives one
clear mandatory violation, never an exception."""
from __future__ import annotations

import json

import pytest
import yaml
from pack_client import ROOT, request, violations

from permitguard.rule_catalog import RuleCatalog

NAMES = [meta.name for meta in RuleCatalog.load()]
PROFILE = ROOT / "infra" / "licenses" / "B1-20195402.yaml"
HK = ("pulumi:providers:alicloud", "default_3_101_0", {"region": "cn-hongkong"})
SZ = ("pulumi:providers:alicloud", "default_3_101_0", {"region": "cn-shenzhen"})
PARTNER = "9999999999999999"


def hk_instance():
    graded = {"protection-grade": "3", "security-filing": "MIIT-SEC-2024-0301"}  # not an advisory of 603
    return request("alicloud:ecs/instance:Instance", "hk-web", {"tags": graded}, HK)


def partner_role():
    document = {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                               "Principal": {"RAM": [f"acs:ram::{PARTNER}:root"]}}]}
    props = {"assumeRolePolicyDocument": json.dumps(document)}
    return request("alicloud:ram/role:Role", "partner", props, SZ)


def every_policy(properties: dict) -> dict:
    return {name: dict(properties) for name in NAMES}


def profile_trusting_partner() -> dict:
    data = yaml.safe_load(PROFILE.read_text())
    data["organization"]["accounts"]["alicloud"].append(PARTNER)
    return json.loads(json.dumps(data, default=str))


def levels(response) -> dict[str, str]:
    return {name: level for name, level, _ in violations(response)}


def test_defaults_block_with_mandatory_violations(pack):
    assert set(levels(pack.analyze(hk_instance())).values()) == {"mandatory"}


def test_all_advisory_downgrades_every_policy(pack_config):
    pack_config.configure({"all": "advisory"})
    assert set(levels(pack_config.analyze(hk_instance())).values()) == {"advisory"}


def test_a_policy_level_overrides_all(pack_config):
    pack_config.configure({"all": "advisory", "cnlic-101-outside-mainland": "mandatory"})
    got = levels(pack_config.analyze(hk_instance()))
    assert got["cnlic-101-outside-mainland"] == "mandatory"
    assert got["cnlic-102-outside-licensed-coverage"] == "advisory"


def test_disabled_policy_reports_nothing(pack_config):
    pack_config.configure({"cnlic-101-outside-mainland": {"enforcementLevel": "disabled"}})
    assert "cnlic-101-outside-mainland" not in levels(pack_config.analyze(hk_instance()))


def test_licence_profile_path_from_policy_config(pack_config, tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_text(yaml.safe_dump(profile_trusting_partner()))
    assert "cnlic-201-third-party-control-trust" in levels(pack_config.analyze(partner_role()))
    pack_config.configure(every_policy({"license": str(path)}))
    assert levels(pack_config.analyze(partner_role())) == {}


def test_relative_licence_path_is_relative_to_the_pack_directory(pack_config):
    pack_config.configure(every_policy({"license": "../../infra/licenses/B1-20195402.yaml"}))
    assert set(levels(pack_config.analyze(partner_role()))) == {"cnlic-201-third-party-control-trust"}


def test_inline_licence_profile_from_policy_config(pack_config):
    pack_config.configure(every_policy({"profile": profile_trusting_partner()}))
    assert levels(pack_config.analyze(partner_role())) == {}


def test_bad_inline_profile_gives_one_clear_mandatory_violation(pack_config):
    pack_config.configure(every_policy({"profile": {"license": {"number": "B1-20195402"}}}))
    first, second = pack_config.analyze(hk_instance()), pack_config.analyze(partner_role())
    diagnostics = violations(first) + violations(second)
    assert len(diagnostics) == 1
    name, level, message = diagnostics[0]
    assert level == "mandatory"
    assert "permitguard cannot judge this stack: licence profile (--policy-pack-config profile) is invalid:" \
        in message
    assert "organization" in message


def test_missing_profile_file_gives_one_violation_naming_the_file(pack_config, tmp_path):
    pack_config.configure(every_policy({"license": str(tmp_path / "nowhere.yaml")}))
    diagnostics = [v for _ in range(2) for v in violations(pack_config.analyze(hk_instance()))]
    assert len(diagnostics) == 1 and "nowhere.yaml: cannot read" in diagnostics[0][2]


def test_config_of_the_wrong_type_is_rejected_by_the_schema_as_the_cli_does(pack_config):
    with pytest.raises(ValueError, match="cnlic-101-outside-mainland: 5 is not of type 'string'"):
        pack_config.configure({"cnlic-101-outside-mainland": {"license": 5}})


def test_a_licence_profile_set_on_one_policy_applies_to_the_whole_pack(pack_config, tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_text(yaml.safe_dump(profile_trusting_partner()))
    pack_config.configure({"cnlic-101-outside-mainland": {"license": str(path)}})
    assert levels(pack_config.analyze(partner_role())) == {}  # 201 judged with the same profile as 101


def test_different_profiles_on_different_policies_block_instead_of_mixing_permits(pack_config, tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_text(yaml.safe_dump(profile_trusting_partner()))
    pack_config.configure({"cnlic-101-outside-mainland": {"license": str(path)},
                           "cnlic-201-third-party-control-trust": {"license": str(PROFILE)}})
    found = violations(pack_config.analyze(partner_role()))
    assert [(level, "different licence profiles" in message) for _, level, message in found] == [
        ("mandatory", True)]
