"""Inputs found by review to crash or stop a scan: each is now one line (exit 2) when the whole input is
unusable, or a finding on the part it touches while the rest is judged."""
from __future__ import annotations

from helpers import cli
from hostile.support import AS_OF, refused, scan, write_tf

DEEP = "[" * 100_000 + "]" * 100_000


def test_a_report_input_nested_deeper_than_json_can_be_read_is_refused_in_one_line(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text(DEEP, encoding="utf-8")
    run = refused("report", str(deep))
    assert "nested deeper than a report input can be" in run.stderr


def test_a_kubernetes_list_whose_items_come_through_a_merge_key_is_judged(tmp_path):
    (tmp_path / "k8s").mkdir()
    (tmp_path / "k8s" / "list.yaml").write_text(
        "apiVersion: v1\nkind: List\n<<: {items: [{apiVersion: rbac.authorization.k8s.io/v1, kind: "
        "ClusterRoleBinding, metadata: {name: open}, roleRef: {apiGroup: rbac.authorization.k8s.io, kind: "
        "ClusterRole, name: cluster-admin}, subjects: [{kind: Group, name: 'system:unauthenticated'}]}]}\n",
        encoding="utf-8")
    result = scan(tmp_path / "k8s", "--as-of", AS_OF)
    assert result.exit_status == 1
    found = result.finding("CKV_CNLIC_203", "ClusterRoleBinding.default.open")
    assert (found["status"], found["reason"], found["resource"]["line"]) == ("failed", "everyone", 1)


def test_a_binding_with_subjects_of_another_shape_is_a_finding_not_a_stopped_scan(tmp_path):
    (tmp_path / "k8s").mkdir()
    (tmp_path / "k8s" / "bad.yaml").write_text(
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: odd}\n"
        "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\n"
        "subjects: 5\n"
        "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: fine}\n"
        "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\n"
        "subjects: [{kind: ServiceAccount, name: ci, namespace: ci}]\n", encoding="utf-8")
    result = scan(tmp_path / "k8s", "--as-of", AS_OF)
    assert result.exit_status == 1
    assert result.finding("CKV_CNLIC_203", "ClusterRoleBinding.default.odd")["reason"] == "subject_unresolved"
    assert result.finding("CKV_CNLIC_203", "ClusterRoleBinding.default.fine")["status"] == "passed"


def test_a_variables_file_nested_deeper_than_json_can_be_read_does_not_stop_the_scan(tmp_path):
    folder = write_tf(tmp_path / "tf", 'variable "region" {}\nprovider "alicloud" { region = var.region }\n'
                                      'resource "alicloud_vpc" "net" {\n  vpc_name = "n"\n}\n')
    (folder / "terraform.tfvars.json").write_text('{"region": ' + DEEP + "}", encoding="utf-8")
    run = cli("scan", str(folder), "--as-of", AS_OF)
    assert "internal error" not in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert run.exit_status in (1, 2)
    explained = cli("explain", "alicloud_vpc.net", str(folder), "--as-of", AS_OF)
    assert "internal error" not in explained.stderr, explained.stderr


def test_kubernetes_manifests_inside_a_terraform_directory_are_judged_too(tmp_path):
    """`checkov -d` judges them with its kubernetes framework: the CLI does not pass them by in silence."""
    folder = write_tf(tmp_path / "repo", 'provider "alicloud" { region = "cn-beijing" }\n'
                                         'resource "alicloud_vpc" "net" {\n  vpc_name = "n"\n}\n')
    (folder / "k8s").mkdir()
    (folder / "k8s" / "crb.yaml").write_text(
        "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: open}\n"
        "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\n"
        "subjects: [{kind: Group, name: 'system:unauthenticated'}]\n", encoding="utf-8")
    (folder / "values.yaml").write_text("replicas: 2\n", encoding="utf-8")  # data YAML: no input of it
    result = scan(folder, "--as-of", AS_OF)
    assert result.exit_status == 1
    assert [i["kind"] for i in result.doc["inputs"]] == ["terraform", "kubernetes"]
    assert result.finding("CKV_CNLIC_203", "ClusterRoleBinding.default.open")["reason"] == "everyone"
    assert result.finding("CKV_CNLIC_101", "alicloud_vpc.net")["status"] == "passed"


def test_a_terraform_directory_with_data_yaml_only_is_one_input(tmp_path):
    folder = write_tf(tmp_path / "repo", 'provider "alicloud" { region = "cn-beijing" }\n'
                                         'resource "alicloud_vpc" "net" {\n  vpc_name = "n"\n}\n')
    (folder / "values.yaml").write_text("replicas: 2\n", encoding="utf-8")
    result = scan(folder, "--as-of", AS_OF)
    assert [i["kind"] for i in result.doc["inputs"]] == ["terraform"] and result.exit_status == 0
