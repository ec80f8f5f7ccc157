"""`permitguard scan` on what is deployed: Terraform state (both shapes) and `pulumi stack export`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import cli
from permitguard import datafiles

ROOT = Path(__file__).resolve().parents[2]
STATE = ROOT / "tests" / "fixtures" / "state"
STACK = ROOT / "tests" / "fixtures" / "pulumi_stack"


def _run(*args: str) -> tuple[int, str, str]:
    run = cli(*args, environ={"PERMITGUARD_AS_OF": "2026-11-28"})
    return run.exit_status, run.stdout, run.stderr


@pytest.mark.parametrize("path, kind", [(STATE / "terraform.tfstate", "terraform_state"),
                                        (STATE / "show.json", "terraform_state"),
                                        (STACK / "aws-china.json", "pulumi_stack")])
def test_a_deployed_document_is_read_as_its_kind_and_judged(path, kind):
    code, out, err = _run("scan", str(path), "--format", "json")
    doc = json.loads(out)
    assert [i["kind"] for i in doc["inputs"]] == [kind], err
    assert doc["summary"]["resources"] > 0
    assert datafiles.schema_errors("findings.schema.json", doc) == []
    assert code in (0, 1)


def test_a_plan_is_still_a_plan_and_a_state_is_not_refused_any_more():
    code, out, _ = _run("scan", str(ROOT / "tests/fixtures/CKV_CNLIC_101/plan.json"), "--format", "json")
    assert json.loads(out)["inputs"][0]["kind"] == "terraform_plan"


def test_a_json_of_no_tool_names_every_kind_it_could_have_been(tmp_path):
    (tmp_path / "x.json").write_text('{"name": "site"}')
    code, _, err = _run("scan", str(tmp_path / "x.json"))
    assert code == 2 and "terraform.tfstate" in err and "pulumi stack export" in err
