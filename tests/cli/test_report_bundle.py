"""`permitguard report … --bundle FILE.zip` and `permitguard report verify FILE.zip`: the bundle holds the
report, the findings, the clause matrix, the profile and a manifest of their hashes; the same inputs and
--generated-at give the same bytes; verify tells intact (0), tampered (1, the file named), unreadable (2)."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from helpers import cli
from permitguard import datafiles
from permitguard.report import compact

ROOT = Path(__file__).resolve().parents[2]
PROFILE = ROOT / "infra" / "licenses" / "B1-20195402.yaml"
STAMP = "2026-06-01T00:00:00Z"
NAMES = ["report.html", "findings.json", "clause-matrix.csv", "licence-profile.yaml", "manifest.json"]


@pytest.fixture(scope="module")
def scan_json(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("scan") / "scan.json"
    run = cli("scan", str(ROOT / "infra" / "terraform" / "alicloud-violating"), "--license", str(PROFILE),
              "--format", "json", "--output", str(out), "--as-of", "2026-06-01", "--generated-at", STAMP)
    assert run.exit_status == 1, run.stderr
    return out


def bundle(scan_json: Path, target: Path, *extra: str) -> Path:
    run = cli("report", str(scan_json), "--bundle", str(target), "--generated-at", STAMP, "--output",
              str(target.with_suffix(".html")), *extra)
    assert run.exit_status == 1, run.stderr  # the findings have blocking failures
    return target


def verify(path: Path):
    return cli("report", "verify", str(path))


def test_bundle_holds_every_file_with_its_hash_in_the_manifest(scan_json, tmp_path):
    z = zipfile.ZipFile(bundle(scan_json, tmp_path / "b.zip"))
    assert z.namelist() == NAMES
    manifest = json.loads(z.read("manifest.json"))
    assert datafiles.schema_errors("bundle_manifest.schema.json", manifest) == []
    assert [f["name"] for f in manifest["files"]] == NAMES[:-1]
    for f in manifest["files"]:
        assert hashlib.sha256(z.read(f["name"])).hexdigest() == f["sha256"]
    findings = json.loads(z.read("findings.json"))
    assert manifest["inputs"] == [{k: i[k] for k in ("path", "kind", "sha256", "via") if k in i}
                                  for i in findings["inputs"]]
    assert manifest["inputs"][0]["sha256"] == hashlib.sha256(scan_json.read_bytes()).hexdigest()
    assert z.read("licence-profile.yaml") == PROFILE.read_bytes()
    assert (manifest["generated_at"], manifest["tool"]["name"]) == (STAMP, "permitguard")
    assert z.read("report.html").decode().startswith("<!DOCTYPE html>")
    assert all(i.date_time == (2026, 6, 1, 0, 0, 0) and i.external_attr >> 16 == 0o100644
               for i in z.infolist())


def test_clause_matrix_csv_has_one_row_per_clause_with_counts(scan_json, tmp_path):
    z = zipfile.ZipFile(bundle(scan_json, tmp_path / "b.zip"))
    rows = list(csv.DictReader(io.StringIO(z.read("clause-matrix.csv").decode("utf-8"))))
    findings = compact.expand(json.loads(z.read("findings.json")))
    assert len(rows) == len({r["clause"] for r in rows}) == 44  # SP-1 … SP-17 and their sub-items
    sp2 = next(r for r in rows if r["clause"] == "SP-2")
    cited = [f for f in findings["findings"] if "SP-2" in f["clauses"]]
    assert int(sp2["total"]) == len(cited)
    assert int(sp2["failed"]) == sum(f["status"] == "failed" for f in cited)
    assert sp2["state"] == "fail" and "CKV_CNLIC_102" in sp2["rules"].split()
    for r in rows:
        assert int(r["total"]) == sum(int(r[k]) for k in ("passed", "failed", "suppressed", "not_applicable"))


def test_same_inputs_and_generated_at_give_byte_identical_bundles(scan_json, tmp_path):
    one = bundle(scan_json, tmp_path / "one.zip").read_bytes()
    two = bundle(scan_json, tmp_path / "two.zip").read_bytes()
    assert one == two


def test_verify_says_intact(scan_json, tmp_path):
    run = verify(bundle(scan_json, tmp_path / "b.zip"))
    assert run.exit_status == 0, run.stdout + run.stderr
    assert "intact: 4 files" in run.stdout and "B1-20195402" in run.stdout


def _rewrite(source: Path, target: Path, change) -> Path:
    """The bundle rewritten entry by entry, `change(name, data)` returning the new bytes (None: drop)."""
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(target, "w") as out:
        for info in z.infolist():
            data = change(info.filename, z.read(info))
            if data is not None:
                out.writestr(info, data)
    return target


@pytest.mark.parametrize("name", NAMES[:-1])
def test_verify_names_the_altered_file(scan_json, tmp_path, name):
    good = bundle(scan_json, tmp_path / "b.zip")
    bad = _rewrite(good, tmp_path / "bad.zip", lambda n, d: d[:-1] + b"X" if n == name else d)
    run = verify(bad)
    assert run.exit_status == 1, run.stdout + run.stderr
    assert f"  - {name}: altered" in run.stdout and "TAMPERED" in run.stdout


def test_verify_names_a_missing_and_an_added_file(scan_json, tmp_path):
    good = bundle(scan_json, tmp_path / "b.zip")
    gone = _rewrite(good, tmp_path / "gone.zip", lambda n, d: None if n == "clause-matrix.csv" else d)
    run = verify(gone)
    assert run.exit_status == 1 and "clause-matrix.csv: listed in manifest.json but missing" in run.stdout
    extra = _rewrite(good, tmp_path / "extra.zip", lambda n, d: d)
    with zipfile.ZipFile(extra, "a") as z:
        z.writestr("notes.txt", "added later")
    run = verify(extra)
    assert run.exit_status == 1 and "notes.txt: in the bundle but not listed in manifest.json" in run.stdout


def test_verify_catches_a_manifest_rewritten_to_match_a_changed_input_list(scan_json, tmp_path):
    good = bundle(scan_json, tmp_path / "b.zip")

    def forge(name, data):
        if name != "manifest.json":
            return data
        m = json.loads(data)
        m["inputs"][0]["sha256"] = "0" * 64
        return json.dumps(m).encode()

    run = verify(_rewrite(good, tmp_path / "forged.zip", forge))
    assert run.exit_status == 1 and "manifest.json: its inputs differ" in run.stdout


def test_verify_refuses_what_is_not_a_readable_bundle_in_one_line(tmp_path):
    def one_line(path: Path, words: str) -> None:
        run = verify(path)
        assert run.exit_status == 2 and run.stdout == "", run.stdout
        assert run.stderr.count("\n") == 1 and words in run.stderr and "Traceback" not in run.stderr

    (tmp_path / "not.zip").write_text("hello", encoding="utf-8")
    one_line(tmp_path / "not.zip", "not a zip archive")
    one_line(tmp_path / "absent.zip", "no such file")
    for name, words in (("../evil.txt", "climbs out"), ("/etc/evil", "absolute path"),
                        ("a\\b.txt", "backslash")):
        path = tmp_path / "trav.zip"
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("manifest.json", "{}")
            z.writestr(name, "x")
        one_line(path, words)
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", b"\0" * (64 << 20))
    one_line(bomb, "zip bomb")
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("report.html", "x")
    one_line(empty, "no manifest.json")
    junk = tmp_path / "junk.zip"
    with zipfile.ZipFile(junk, "w") as z:
        z.writestr("manifest.json", json.dumps({"format": "something else"}))
    one_line(junk, "is not a bundle manifest")


def test_bundle_refuses_a_profile_that_is_not_the_one_judged_against(scan_json, tmp_path):
    doc = json.loads(scan_json.read_text(encoding="utf-8"))
    doc["license"]["sha256"] = "1" * 64
    moved = tmp_path / "other.json"
    moved.write_text(json.dumps(doc), encoding="utf-8")
    run = cli("report", str(moved), "--bundle", str(tmp_path / "b.zip"), "--generated-at", STAMP)
    assert run.exit_status == 2 and "not the licence profile the findings were judged against" in run.stderr
    assert not (tmp_path / "b.zip").exists()
