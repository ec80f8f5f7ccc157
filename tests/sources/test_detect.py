"""detect.kind_of: which kind an input is, by its path and (JSON) its keys; the run's Documents parse a JSON
input once, for sniffing and reading alike; hostile and ambiguous inputs are unusable input, one line."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from permitguard.errors import InputError
from permitguard.sources import detect
from permitguard.sources.documents import Documents

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _json(tmp_path: Path, doc, name: str = "input.json") -> Path:
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


def kind(path: Path) -> str:
    return detect.kind_of(path, Documents())


def test_a_directory_is_terraform_whatever_it_holds(tmp_path):
    assert kind(tmp_path) == "terraform"
    assert kind(FIXTURES / "CKV_CNLIC_101") == "terraform"


def test_a_tf_or_tf_json_file_is_terraform_by_its_name(tmp_path):
    (tmp_path / "main.tf").write_text('resource "alicloud_vpc" "v" {}\n', encoding="utf-8")
    (tmp_path / "main.tf.json").write_text('{"steps": []}', encoding="utf-8")  # the name decides, not keys
    assert kind(tmp_path / "main.tf") == "terraform"
    assert kind(tmp_path / "main.tf.json") == "terraform"


def test_a_real_plan_and_each_plan_key_alone_are_a_terraform_plan(tmp_path):
    assert kind(FIXTURES / "CKV_CNLIC_101" / "plan.json") == "terraform_plan"
    for key in detect.PLAN_KEYS:
        assert kind(_json(tmp_path, {key: {}}, f"{key}.json")) == "terraform_plan", key


def test_each_preview_key_alone_is_a_pulumi_preview(tmp_path):
    for key in detect.PREVIEW_KEYS:
        assert kind(_json(tmp_path, {key: []}, f"{key}.json")) == "pulumi_preview", key


def test_the_content_decides_not_the_file_name(tmp_path):
    assert kind(_json(tmp_path, {"steps": []}, "plan.txt")) == "pulumi_preview"
    assert kind(_json(tmp_path, {"resource_changes": []}, "preview")) == "terraform_plan"


def test_a_document_with_keys_of_both_tools_is_read_as_a_plan(tmp_path):
    """Ambiguous: Terraform's keys are sniffed first (the plan reader then holds it to a plan's shape)."""
    assert kind(_json(tmp_path, {"steps": [], "resource_changes": []})) == "terraform_plan"


@pytest.mark.parametrize("doc", [{}, [], "steps", 1, None, {"resources": []}, {"Steps": []}, [{"steps": []}]])
def test_json_of_neither_tool_is_unusable_input(tmp_path, doc):
    with pytest.raises(InputError, match="not a Terraform directory, a `terraform show -json` plan or state, "
                                         "a terraform.tfstate, a `pulumi preview --json` document, a "
                                         "`pulumi stack export` or Kubernetes manifests"):
        kind(_json(tmp_path, json.dumps(doc)))


def test_a_missing_path_is_unusable_input(tmp_path):
    with pytest.raises(InputError, match=r"absent\.json: no such file or directory"):
        kind(tmp_path / "absent.json")


@pytest.mark.parametrize("text, why", [
    ('{"steps": [', r"not valid JSON \(truncated\?\): line 1, column 12"),
    ('{"steps": NaN}', "NaN is not a JSON number permitguard reads"),
    ('{"steps": [-Infinity]}', "-Infinity is not a JSON number permitguard reads"),
    ('{"steps": [1e999]}', "1e999 is not a JSON number permitguard reads"),
    ('{"steps": [' + "9" * 4301 + "]}", "a number of 4301 digits is not a JSON number"),
    ("[" * 100_000 + "]" * 100_000, "nests its JSON too deeply to be read"),
])
def test_hostile_json_is_one_line_of_unusable_input(tmp_path, text, why):
    with pytest.raises(InputError, match=why) as raised:
        kind(_json(tmp_path, text))
    assert "\n" not in str(raised.value)


def test_a_tf_file_that_is_not_a_regular_file_is_refused_by_name(tmp_path):
    os.mkfifo(tmp_path / "main.tf")  # a reader would block on it forever
    with pytest.raises(InputError, match=r"main\.tf: cannot read Terraform file: .*not a regular file"):
        kind(tmp_path / "main.tf")


def test_a_json_input_that_is_not_a_regular_file_is_refused(tmp_path):
    os.mkfifo(tmp_path / "plan.json")
    with pytest.raises(InputError, match="not a regular file"):
        kind(tmp_path / "plan.json")


def test_sniffing_parses_once_and_the_reader_gets_that_parse(tmp_path):
    path = _json(tmp_path, {"steps": []})
    documents = Documents()
    assert documents.parsed(path) is None
    detect.kind_of(path, documents)
    first = documents.parsed(path)
    assert first == {"steps": []}
    assert documents.load(path, "Pulumi preview") is first  # no second parse


def test_a_file_changed_since_its_parse_is_parsed_again(tmp_path):
    path = _json(tmp_path, {"steps": []})
    documents = Documents()
    documents.load(path, "input")
    path.write_text('{"resource_changes": [], "format_version": "1.2"}', encoding="utf-8")
    assert documents.parsed(path) is None
    assert detect.kind_of(path, documents) == "terraform_plan"


def test_documents_hold_only_the_latest_input_and_runs_share_nothing(tmp_path):
    one, two = _json(tmp_path, {"steps": []}, "one.json"), _json(tmp_path, {"steps": [1]}, "two.json")
    documents = Documents()
    documents.load(one, "input")
    documents.load(two, "input")
    assert documents.parsed(one) is None and documents.parsed(two) == {"steps": [1]}
    assert Documents().parsed(two) is None  # another run's parse is not this one's


def test_a_file_gone_since_its_parse_is_not_served_from_the_parse(tmp_path):
    path = _json(tmp_path, {"steps": []})
    documents = Documents()
    documents.load(path, "input")
    path.unlink()
    assert documents.parsed(path) is None
    with pytest.raises(InputError, match="no such file or directory"):
        detect.kind_of(path, documents)
