"""permitguard.sources.kubernetes_affected: which changed YAML files are manifests, and the unit each is
scanned with (real files in a temporary tree; changed-only scans themselves: tests/cli/test_selection.py)."""
from __future__ import annotations

from pathlib import Path

from permitguard.sources import kubernetes_affected as ka

OBJECT = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: deployer\n"


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def test_a_manifest_holds_an_object_or_does_not_parse_but_names_apiversion_and_kind(tmp_path):
    _write(tmp_path, {"sa.yaml": OBJECT, "helm.yaml": "---\n# Source: x\n---\n" + OBJECT,
                      "broken.yaml": OBJECT + "  labels: [a\n", "dup.yaml": OBJECT + "kind: Secret\n",
                      "values.yaml": "replicas: 2\n", "ci.yml": "on: [push]\njobs: {bad: [\n",
                      "typo.yaml": "apiversion: v1\nkind: ServiceAccount\n"})
    maybe = {p.name: ka.may_be_manifest(p) for p in sorted(tmp_path.iterdir())}
    assert maybe == {"broken.yaml": True, "ci.yml": False, "dup.yaml": True, "helm.yaml": True,
                     "sa.yaml": True, "typo.yaml": True, "values.yaml": False}


def test_the_unit_is_the_manifest_directory_or_the_file_beside_terraform(tmp_path):
    _write(tmp_path, {"k8s/app/a.yaml": OBJECT, "k8s/app/sub/b.yaml": OBJECT, "k8s/app/values.yaml": "x: 1\n",
                      "live/main.tf": "", "live/extra.yaml": OBJECT,
                      "chart/Chart.yaml": "name: c\n", "chart/templates/t.yaml": OBJECT})
    names = ["k8s/app/sub/b.yaml", "k8s/app/a.yaml", "k8s/app/values.yaml", "live/extra.yaml",
             "chart/templates/t.yaml", "live/main.tf", "k8s/app/gone.yaml"]
    got = ka.touched([tmp_path / n for n in names], tmp_path)
    assert got.inputs == [(tmp_path / "k8s/app").as_posix(), (tmp_path / "live/extra.yaml").as_posix()]
    assert (got.passed, got.in_charts) == (1, 1)  # values.yaml; the chart's template
    assert ka.touched([tmp_path / "live/gone.yaml"], tmp_path).inputs == []
