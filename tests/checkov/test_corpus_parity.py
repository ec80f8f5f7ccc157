"""Checkov gives the verdicts the CLI gives on every case of the real-world corpus (tests/corpus): module
examples reached by `../..`, count/for_each instances, roots whose modules are absent. Our checks consult
the shared Terraform evaluation, so the two front doors can only differ where Checkov itself decides what
to run a check on: it reports a module call by its bare name (`remote` for `module.remote`), and it does
not expand count/for_each inside nested modules, where one Checkov record stands for every instance of
the block and carries the worst verdict of them (FAILED over PASSED)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from helpers import cli_results
from permitguard.context import Context
from permitguard.resources import ResourceTypeCatalog
from permitguard.sources.kubernetes_manifests import looks_like_manifests, read_manifests
from permitguard.sources.terraform_hcl import read_directory

TYPES = ResourceTypeCatalog.load()  # the run's resource-type catalog, as a front door passes it in

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CASES = sorted(p.parent for p in CORPUS.glob("*/case.yaml"))
AS_OF = "2026-11-28"
_KEY = re.compile(r"\[[^\]]*\]")
_WORST = {"FAILED": 2, "SKIPPED": 1, "PASSED": 0}


def _root(case: Path) -> Path:
    spec = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))
    return case / spec.get("root", ".")


def _checkov_address(check_id: str, resource: str) -> str:
    if check_id == "CKV_CNLIC_100" and not resource.startswith("module."):
        return f"module.{resource}"
    return resource


# Checkov does not read modules that `terraform init` downloaded (.terraform/modules): our module check
# fails the call instead of letting its resources pass unseen (tested below), so no parity there.
DOWNLOADED = {"aws-cn-downloaded-registry-module"}


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if c.name not in DOWNLOADED],
    ids=[c.name for c in CASES if c.name not in DOWNLOADED],
)
def test_checkov_and_cli_agree_on_the_corpus(case, checkov_run, monkeypatch):
    root = _root(case)
    monkeypatch.delenv("PERMITGUARD_LICENSE", raising=False)
    monkeypatch.setenv("PERMITGUARD_AS_OF", AS_OF)
    monkeypatch.chdir(Path(__file__).parent)
    manifests = looks_like_manifests(root)  # Kubernetes manifests: Checkov's kubernetes framework
    outcome = checkov_run(root, kubernetes=manifests)
    checkov = {(c, _checkov_address(c, a), r) for c, a, r in outcome.results}
    ctx = Context.load(environ={"PERMITGUARD_AS_OF": AS_OF}, cwd=str(Path(__file__).parent))
    source = read_manifests(root) if manifests else read_directory(root, types=TYPES)
    assert checkov == as_checkov_reports(cli_results(source, ctx), {a for _, a, _ in checkov})


def as_checkov_reports(
    cli: set[tuple[str, str, str]], checkov_addresses: set[str]
) -> set[tuple[str, str, str]]:
    """The CLI's per-instance verdicts, folded onto the block address where Checkov reports the block once."""
    worst: dict[tuple[str, str], str] = {}
    for rule, address, status in cli:
        declared = _KEY.sub("", address)
        key = (
            rule,
            address if address in checkov_addresses or declared not in checkov_addresses else declared,
        )
        if _WORST[status] >= _WORST.get(worst.get(key, "PASSED"), 0):
            worst[key] = status
    return {(rule, address, status) for (rule, address), status in worst.items()}


def test_a_module_checkov_did_not_load_fails_the_call_never_passes_unseen(checkov_run, monkeypatch):
    monkeypatch.delenv("PERMITGUARD_LICENSE", raising=False)
    monkeypatch.setenv("PERMITGUARD_AS_OF", AS_OF)
    (case,) = [c for c in CASES if c.name in DOWNLOADED]
    outcome = checkov_run(_root(case))
    failed = outcome.addresses("CKV_CNLIC_100", "FAILED")
    assert failed == {"bastion"}
    assert "Checkov did not load it" in outcome.details[("CKV_CNLIC_100", "bastion")][0]
