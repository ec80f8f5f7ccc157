"""Kubernetes manifests as an input kind: detection, addresses and lines per object (multi-document streams,
`helm template` output, `kind: List`), roles declared alongside, Checkov's skip annotations, and hostile YAML
failing closed per file while the rest is judged."""

from __future__ import annotations

from pathlib import Path

import pytest

from permitguard.sources import detect, readers
from permitguard.sources.documents import Documents
from permitguard.sources.kubernetes_manifests import PART, read_manifests

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "kubernetes" / "CKV_CNLIC_203"
BINDING = (
    "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: {name}\n"
    "roleRef: {{kind: ClusterRole, name: cluster-admin}}\nsubjects: [{{kind: User, name: {who}}}]\n"
)


def by_address(result):
    return {r.address: r for r in result.resources}


def test_helm_template_output_gives_one_object_per_document_at_its_line():
    found = by_address(read_manifests(FIXTURES / "rendered.yaml"))
    assert len(found) == 7  # the empty and comment-only documents give nothing
    vendor = found["ClusterRoleBinding.default.fail-vendor-support"]
    assert (vendor.file, vendor.line, vendor.cloud) == (
        (FIXTURES / "rendered.yaml").as_posix(),
        44,
        "kubernetes",
    )
    assert vendor.type == "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding"
    assert found["ServiceAccount.edge-system.na-edge-agent"].type == "kubernetes:core/v1:ServiceAccount"
    ops = found["ClusterRoleBinding.default.fail-ops-group"]
    assert ops.attributes["declared_role"]["metadata"]["name"] == "na-edge-agent-everything"


def test_a_list_export_gives_its_items_and_a_namespaced_role_resolves_in_its_namespace():
    result = read_manifests(FIXTURES / "export.yaml")
    found = by_address(result)
    assert found["RoleBinding.team-a.pass-team-a-admins"].line == 7
    assert found["RoleBinding.team-a.fail-escalating-role"].attributes["declared_role"]["kind"] == "Role"
    assert result.suppressions == {
        (
            "ClusterRoleBinding.default.skip-break-glass",
            "CKV_CNLIC_203",
        ): "vendor break-glass account, ticket OPS-1234"
    }


def test_detection(tmp_path):
    (tmp_path / "a.yaml").write_text(BINDING.format(name="a", who="x@example-operator.cn"), encoding="utf-8")
    assert detect.kind_of(tmp_path, Documents()) == "kubernetes"
    assert detect.kind_of(tmp_path / "a.yaml", Documents()) == "kubernetes"
    (tmp_path / "main.tf").write_text('resource "null_resource" "x" {}\n', encoding="utf-8")
    assert detect.kind_of(tmp_path, Documents()) == "terraform"  # Terraform files: a Terraform directory


def test_yaml_of_no_kubernetes_object_is_no_input_and_in_a_directory_listed_only_if_meant_as_one(tmp_path):
    (tmp_path / "values.yaml").write_text("replicaCount: 2\n", encoding="utf-8")
    with pytest.raises(detect.NotAnInput):
        readers.read(tmp_path / "values.yaml", None, Documents())
    (tmp_path / "b.yaml").write_text(BINDING.format(name="b", who="x@partner-corp.com"), encoding="utf-8")
    (tmp_path / "expected.yaml").write_text("failed:\n  CKV_CNLIC_203: [ClusterRoleBinding.default.b]\n")
    (tmp_path / "no-api.yaml").write_text("kind: ClusterRoleBinding\nmetadata: {name: c}\n")  # no apiVersion
    (tmp_path / "typo.yml").write_text("apiversion: v1\nKind: ServiceAccount\n")
    (tmp_path / "number.yaml").write_text("apiVersion: 1\nkind: ServiceAccount\n")  # not text
    result = read_manifests(tmp_path)
    assert [r.address for r in result.resources] == ["ClusterRoleBinding.default.b"]
    assert [(s.path.name, s.reason) for s in result.skipped] == [
        ("no-api.yaml", "not_a_manifest"), ("number.yaml", "not_a_manifest"), ("typo.yml", "not_a_manifest")]


def test_a_helm_chart_directory_is_one_part_to_render(tmp_path):
    chart = tmp_path / "chart"
    (chart / "templates").mkdir(parents=True)
    (chart / "Chart.yaml").write_text("apiVersion: v2\nname: x\nversion: 0.1.0\n", encoding="utf-8")
    (chart / "templates" / "crb.yaml").write_text(
        "kind: ClusterRoleBinding\n{{- if .Values.x }}\n", encoding="utf-8"
    )
    (tmp_path / "b.yaml").write_text(BINDING.format(name="b", who="x@partner-corp.com"), encoding="utf-8")
    found = by_address(read_manifests(tmp_path))
    assert found[chart.as_posix()].type == PART and found[chart.as_posix()].attributes["reason"] == "chart"
    assert "ClusterRoleBinding.default.b" in found


HOSTILE = {
    "python_tag": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"
    "data: !!python/object/apply:os.system [id]\n",
    "custom_tag": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: !Ref other\n",
    "alias_bomb": "a: &a [x,x,x,x,x,x,x,x,x,x]\n"
    + "".join(f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdef", "bcdefg", strict=True)),
    "syntax": "apiVersion: v1\nkind: [ConfigMap\n",
    "duplicate_key": BINDING.format(name="d", who="x@example-operator.cn") + "kind: Role\n",
    "not_an_object": BINDING.format(name="n", who="x@example-operator.cn") + "---\n- just\n- a list\n",
    "deep": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: " + "[" * 200 + "]" * 200 + "\n",
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_yaml_fails_closed_for_its_file_and_the_rest_is_judged(ctx, tmp_path, case):
    from permitguard import engine

    (tmp_path / "bad.yaml").write_text(HOSTILE[case], encoding="utf-8")
    (tmp_path / "ok.yaml").write_text(BINDING.format(name="ok", who="x@partner-corp.com"), encoding="utf-8")
    result = read_manifests(tmp_path)
    parts = [r for r in result.resources if r.type == PART]
    assert [p.file for p in parts] == [(tmp_path / "bad.yaml").as_posix()]
    verdicts = {(f.resource.address, f.rule_id): f for r in result.resources for f in engine.evaluate(r, ctx)}
    part = verdicts[((tmp_path / "bad.yaml").as_posix(), "CKV_CNLIC_100")]
    assert part.status.value == "failed" and part.reason == "file_unreadable"
    assert verdicts[("ClusterRoleBinding.default.ok", "CKV_CNLIC_203")].status.value == "failed"


def test_an_oversized_manifest_is_not_read_and_fails_closed(tmp_path, monkeypatch):
    from permitguard.sources import kubernetes_manifests

    monkeypatch.setattr(kubernetes_manifests, "MANIFEST_LIMIT", 64)
    (tmp_path / "big.yaml").write_text(
        BINDING.format(name="big", who="x@example-operator.cn"), encoding="utf-8"
    )
    result = read_manifests(tmp_path)
    assert [(r.type, r.attributes["reason"]) for r in result.resources] == [(PART, "unparsed")]
