"""CKV_CNLIC_203 through Checkov's kubernetes framework (`checkov -d manifests/ --framework kubernetes
--external-checks-dir policies/checkov`), run in-process on tests/fixtures/kubernetes/CKV_CNLIC_203: the exact
sets of passing, failing and skipped objects, named by their `pass-`, `fail-`, `skip-` or `na-` names, and the
same verdicts as `permitguard scan` on the same files (the CLI's reader and rule judge both)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from permitguard.resources import ResourceTypeCatalog
from permitguard.sources.documents import Documents
from permitguard.sources.readers import read

ROOT = Path(__file__).resolve().parents[2]
MANIFESTS = ROOT / "tests" / "fixtures" / "kubernetes" / "CKV_CNLIC_203"
EXTERNAL_CHECKS = ROOT / "policies" / "checkov"
RULE = "CKV_CNLIC_203"
_NAMED = {"pass": "PASSED", "fail": "FAILED", "skip": "SKIPPED", "na": None}
_VERDICT = re.compile(r"\.(pass|fail|skip|na)-[^.]*$")


def _run(target: Path) -> set[tuple[str, str]]:
    from checkov.kubernetes.runner import Runner
    from checkov.runner_filter import RunnerFilter

    report = Runner().run(
        root_folder=str(target),
        external_checks_dir=[str(EXTERNAL_CHECKS)],
        runner_filter=RunnerFilter(framework=["kubernetes"], checks=[RULE]),
    )
    assert report.parsing_errors == []
    return {
        (r.resource, result)
        for records, result in (
            (report.passed_checks, "PASSED"),
            (report.failed_checks, "FAILED"),
            (report.skipped_checks, "SKIPPED"),
        )
        for r in records
        if r.check_id == RULE
    }


@pytest.fixture(scope="module")
def outcome(guarded_env):
    return _run(MANIFESTS)


@pytest.fixture(scope="module")
def guarded_env():
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("PERMITGUARD_LICENSE", raising=False)
        mp.setenv("PERMITGUARD_AS_OF", "2026-11-28")
        mp.chdir(ROOT)
        from permitguard.checkov import run_state

        run_state.reset()
        yield


def expected() -> dict[str, str | None]:
    """Every object of the fixture files → the verdict its name says."""
    result = read(MANIFESTS, ResourceTypeCatalog.load(), Documents())
    found = {}
    for r in result.resources:
        m = _VERDICT.search(r.address)
        assert m, f"{r.address} has no pass-/fail-/skip-/na- name"
        found[r.address] = _NAMED[m.group(1)]
    return found


def test_checkov_kubernetes_framework_gives_exactly_the_named_verdicts(outcome):
    want = {(address, verdict) for address, verdict in expected().items() if verdict}
    assert outcome == want
    assert {v for _, v in want} == {"PASSED", "FAILED", "SKIPPED"}


def test_checkov_and_the_cli_agree_on_every_object(outcome, ctx):
    from permitguard.cli.scan import scan

    findings, _ = scan([str(MANIFESTS)], ctx)
    cli = {
        (f.resource.address, "SKIPPED" if f.suppressed else f.status.value.upper())
        for f in findings
        if f.rule_id == RULE and f.status.value != "not_applicable"
    }
    assert cli == outcome


def test_a_file_checkov_reads_but_permitguard_refuses_fails_closed(guarded_env, tmp_path):
    """A duplicate key: Checkov's parser keeps the last value, ours refuses the file; the check fails."""
    (tmp_path / "dup.yaml").write_text(
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: dup\n"
        "roleRef: {kind: ClusterRole, name: view, apiGroup: rbac.authorization.k8s.io}\n"
        "roleRef: {kind: ClusterRole, name: cluster-admin, apiGroup: rbac.authorization.k8s.io}\n"
        "subjects: [{kind: User, name: ops@example-operator.cn}]\n",
        encoding="utf-8",
    )
    assert _run(tmp_path) == {("ClusterRoleBinding.default.dup", "FAILED")}


def test_a_failure_says_why_in_both_languages_in_its_guideline(guarded_env):
    """Checkov's kubernetes runner keeps no details: the failed record's guideline carries the message."""
    from checkov.kubernetes.runner import Runner
    from checkov.runner_filter import RunnerFilter

    report = Runner().run(root_folder=str(MANIFESTS), external_checks_dir=[str(EXTERNAL_CHECKS)],
                          runner_filter=RunnerFilter(framework=["kubernetes"], checks=[RULE]))
    guides = {r.resource: r.guideline for r in report.failed_checks + report.passed_checks}
    vendor = guides["ClusterRoleBinding.default.fail-vendor-support"]
    assert "support@edge-vendor.io" in vendor and "组织身份域与账号以外" in vendor
    assert guides["ClusterRoleBinding.default.pass-edge-agent"].startswith("permitguard CKV_CNLIC_203: Bind")
