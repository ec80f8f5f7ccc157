"""Control characters and bidirectional overrides from the inputs are visible in SARIF as in the other
formats (issue 13, deliverable 4): U+202E, ESC, NUL, carriage return … in addresses, tag values, file
names, the licence holder and messages become `\\u202e`, `\\x1b` (report/inert.py, the one escaping module),
never raw characters a SARIF viewer would render."""
from __future__ import annotations

import json
import re

import pytest

from helpers import cli
from hostile.support import AS_OF, edit, profile, write_tf

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
HCL = '''provider "alicloud" { region = "cn-hongkong" }
resource "alicloud_instance" "web" {
  for_each      = toset(["\\u202egnp.exe", "ok\\u001b[31mred"])
  instance_type = "x"
  tags = { "license-service" = "idc\\u202e", owner = "\\u001b]8;;http://evil\\u0007link" }
}
'''


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@pytest.fixture
def hostile(tmp_path):
    return write_tf(tmp_path / "stack", HCL)


@pytest.fixture
def sarif(hostile):
    run = cli("scan", str(hostile), "--format", "sarif", "--as-of", AS_OF)
    assert run.exit_status == 1, run.stderr
    return run.stdout


def test_sarif_carries_no_raw_control_character_or_bidi_override(sarif):
    assert RAW.search(sarif) is None
    assert [s for s in _strings(json.loads(sarif)) if RAW.search(s)] == []


def test_addresses_show_the_override_as_an_escape(sarif):
    names = {loc["fullyQualifiedName"] for r in json.loads(sarif)["runs"][0]["results"]
             for loc in r["locations"][0]["logicalLocations"]}
    assert 'alicloud_instance.web["\\u202egnp.exe"]' in names
    assert 'alicloud_instance.web["ok\\x1b[31mred"]' in names


def test_messages_carrying_tag_values_are_escaped(sarif):
    texts = [r["message"]["text"] for r in json.loads(sarif)["runs"][0]["results"]]
    assert any("idc\\u202e" in t for t in texts)


def test_the_licence_holder_is_escaped(hostile, tmp_path):
    path = profile(tmp_path, edit("holder: 北京掌全通信息科技有限公司", 'holder: "北京\\u202e掌全\\e[2J通"'))
    run = cli("scan", str(hostile), "--format", "sarif", "--license", str(path), "--as-of", AS_OF)
    assert run.exit_status == 1, run.stderr
    holder = json.loads(run.stdout)["runs"][0]["properties"]["holder"]
    assert holder == "北京\\u202e掌全\\x1b[2J通" and RAW.search(run.stdout) is None


def test_file_names_are_escaped_in_skipped_inputs_and_locations(tmp_path):
    folder = write_tf(tmp_path / "stack", 'provider "alicloud" { region = "cn-beijing" }\n')
    write_tf(folder / ".env\u202eprod", HCL)
    run = cli("scan", str(folder), "--format", "sarif", "--as-of", AS_OF)
    assert run.exit_status == 1, run.stderr
    assert RAW.search(run.stdout) is None
    assert any(".env\\u202eprod" in text for text in _strings(json.loads(run.stdout)))


def test_report_of_a_checkov_document_with_control_characters_is_escaped(tmp_path):
    checkov = {"check_type": "terraform", "results": {"failed_checks": [{
        "check_id": "CKV_ALI_1", "check_name": "evil\u202e name",
        "resource": "alicloud_oss_bucket.b\u001b[0m",
        "file_path": "/main\u0000.tf", "file_line_range": [1, 2], "guideline": "\u202e"}]},
        "summary": {"checkov_version": "3"}}
    path = tmp_path / "checkov.json"
    path.write_text(json.dumps(checkov), encoding="utf-8")
    run = cli("report", str(path), "--format", "sarif", "--as-of", AS_OF)
    assert run.exit_status in (0, 1), run.stderr
    assert RAW.search(run.stdout) is None
    texts = set(_strings(json.loads(run.stdout)))
    assert "evil\\u202e name" in texts and "alicloud_oss_bucket.b\\x1b[0m" in texts


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "junit"])
def test_the_other_formats_stay_clean_too(hostile, fmt):
    run = cli("scan", str(hostile), "--format", fmt, "--as-of", AS_OF)
    assert run.exit_status == 1, run.stderr
    assert RAW.search(run.stdout.replace("\n", "").replace("\t", "")) is None
