"""`permitguard report --compare OLD.json NEW.json`: what became compliant, newly fails, disappeared or is
new, per clause and per resource, matched on the baseline's key; other documents refused in one line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import cli
from permitguard import baseline
from permitguard.report import compact

ROOT = Path(__file__).resolve().parents[2]
PROFILE = ROOT / "infra" / "licenses" / "B1-20195402.yaml"


def scan(tmp: Path, name: str, *paths: Path, stamp: str = "2026-06-01T00:00:00Z") -> Path:
    out = tmp / f"{name}.json"
    run = cli("scan", *map(str, paths), "--license", str(PROFILE), "--format", "json", "--output", str(out),
              "--as-of", "2026-06-01", "--generated-at", stamp)
    assert run.exit_status in (0, 1), run.stderr
    return out


def compare(old: Path, new: Path, *extra: str):
    return cli("report", "--compare", str(old), str(new), *extra)


def edited(src: Path, dst: Path, change) -> Path:
    """SRC changed by `change` on its findings, all of them (the compact not-applicable ones put back)."""
    doc = compact.expand(json.loads(src.read_text(encoding="utf-8")))
    change(doc)
    dst.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return dst


@pytest.fixture(scope="module")
def audits(tmp_path_factory):
    """Q1: the violating example; Q2: the same, one failure fixed, one pass turned failure, one resource
    removed, and the compliant example added."""
    tmp = tmp_path_factory.mktemp("audits")
    q1 = scan(tmp, "q1", ROOT / "infra" / "terraform" / "alicloud-violating")
    both = scan(tmp, "both", ROOT / "infra" / "terraform" / "alicloud-violating",
                ROOT / "infra" / "terraform" / "alicloud-compliant")

    def change(doc):
        kept = []
        for f in doc["findings"]:
            r = f["resource"]["address"]
            if r == "alicloud_ram_role.partner_ops":
                continue  # removed
            if f["rule_id"] == "CKV_CNLIC_101" and r == "alicloud_instance.hk_web":
                f["status"] = "passed"  # fixed
            if f["rule_id"] == "CKV_CNLIC_101" and r == "alicloud_instance.beijing_k":
                f["status"] = "failed"  # newly fails
            kept.append(f)
        doc["findings"] = kept
    q2 = edited(both, tmp / "q2.json", change)
    return q1, q2


def test_json_tells_each_kind_of_change(audits):
    run = compare(*audits, "--format", "json")
    assert run.exit_status == 1, run.stderr  # failures new since Q1 (the compliant example's, one regression)
    data = json.loads(run.stdout)
    by = {(c["kind"], c["rule_id"], c["address"]) for c in data["changes"]}
    assert ("fixed", "CKV_CNLIC_101", "alicloud_instance.hk_web") in by
    assert ("regressed", "CKV_CNLIC_101", "alicloud_instance.beijing_k") in by
    assert ("gone", "CKV_CNLIC_201", "alicloud_ram_role.partner_ops") in by
    assert any(k == "added" and a.startswith("alicloud_instance.shanghai_l") for k, _, a in by)
    assert not any(k == "added" and c["new"] != "failed" for c in data["changes"] for k in [c["kind"]])
    gone = next(r for r in data["resources"] if r["address"] == "alicloud_ram_role.partner_ops")
    assert gone["presence"] == "gone"
    sp16_3 = next(c for c in data["clauses"] if c["clause"] == "SP-16(3)")
    assert sp16_3["fixed"] >= 1 and sp16_3["regressed"] >= 1 and data["counts"]["regressed"] == 1


def test_matching_uses_the_baseline_key(audits, tmp_path):
    """The same rule and address in another file is another finding: new, and the old one gone."""
    q1 = audits[0]
    moved = edited(q1, tmp_path / "moved.json", lambda d: [f["resource"].update(file="elsewhere/main.tf")
                                                            for f in d["findings"]])
    data = json.loads(compare(q1, moved, "--format", "json").stdout)
    failing = [f for f in json.loads(q1.read_text())["findings"] if f["status"] == "failed"]
    keys = {baseline.key(f["rule_id"], f["resource"]["address"], f["resource"]["file"]) for f in failing}
    gone = {baseline.key(c["rule_id"], c["address"], c["file"])
            for c in data["changes"] if c["kind"] == "gone"}
    assert gone == keys and data["counts"]["added"] == len(keys)


def test_same_document_changes_nothing(audits):
    run = compare(audits[0], audits[0], "--format", "text", "--lang", "en")
    assert run.exit_status == 0, run.stderr
    assert "Newly fails 0 · New 0 · Became compliant 0 · Disappeared 0" in run.stdout
    assert "No mandatory failure is new since the previous audit" in run.stdout


@pytest.mark.parametrize("lang, words", [("en", "Became compliant"), ("zh", "已变为符合"),
                                         ("both", "Became compliant · 已变为符合")])
def test_markdown_and_html_are_bilingual(audits, lang, words):
    md = compare(*audits, "--format", "markdown", "--lang", lang).stdout
    html = compare(*audits, "--format", "html", "--lang", lang).stdout
    assert f"## {'Per clause' if lang != 'zh' else '按条款'}" in md and words in md
    assert words in html and "<script" not in html
    if lang == "en":
        assert "已变为符合" not in md + html


def test_different_permits_and_profiles_are_said(audits, tmp_path):
    q1, q2 = audits
    other = edited(q2, tmp_path / "p.json", lambda d: d["license"].update(sha256="2" * 64))
    assert "different licence profiles of permit B1-20195402" in compare(q1, other, "--format", "text").stdout
    permit = edited(q2, tmp_path / "n.json", lambda d: d["license"].update(number="B2-20200001"))
    md = compare(q1, permit, "--format", "markdown").stdout
    assert "different permits (B1-20195402 and B2-20200001)" in md


def test_not_a_findings_document_is_refused_in_one_line(audits, tmp_path):
    checkov = ROOT / "tests" / "fixtures" / "report" / "checkov.json"
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    broken = edited(audits[0], tmp_path / "broken.json", lambda d: d.pop("summary"))
    for path, words in ((checkov, "not a permitguard findings document"), (tmp_path / "bad.json", "not JSON"),
                        (broken, "not a valid permitguard findings document"),
                        (tmp_path / "absent.json", "no such file")):
        run = compare(audits[0], path)
        assert run.exit_status == 2 and run.stderr.count("\n") == 1 and words in run.stderr, run.stderr
    run = cli("report", "--compare", str(audits[0]))
    assert run.exit_status == 2 and "two findings documents" in run.stderr
    run = compare(*audits, "--format", "sarif")
    assert run.exit_status == 2 and "not sarif" in run.stderr


def test_markup_in_a_resource_name_stays_text_in_every_format(audits, tmp_path):
    injected = "<script>document.title='pwned'</script>"

    def rename(doc):
        for f in doc["findings"]:
            if f["resource"]["address"] == "alicloud_instance.beijing_k":
                f["resource"]["address"] = injected
                f["message"]["en"] = injected + " | `x` \x1b[31m"
    new = edited(audits[1], tmp_path / "inj.json", rename)
    html = compare(audits[0], new, "--format", "html").stdout
    assert "<script" not in html and "&lt;script&gt;" in html
    md = compare(audits[0], new, "--format", "markdown").stdout
    assert "<script" not in md and "\x1b" not in md
    text = compare(audits[0], new, "--format", "text").stdout
    assert "\x1b" not in text
