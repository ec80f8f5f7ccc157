"""Outputs never destroy inputs (issue 13, deliverable 5): --output / --json-output naming a file the
command reads (an input, a configuration or variables file of a scanned directory, the licence profile),
or both naming one file, is exit 2 with the reason and the file untouched; every output is written
atomically (a temporary file beside it, then renamed), so a failed write leaves the previous one."""
from __future__ import annotations

import json
import os
import shutil

import pytest

from helpers import cli
from hostile.support import AS_OF, BUNDLED, ROOT, refused, write_tf

OK = 'provider "alicloud" { region = "cn-beijing" }\nresource "alicloud_vpc" "net" {\n  vpc_name = "n"\n}\n'
PLAN = ROOT / "tests" / "fixtures" / "CKV_CNLIC_101" / "plan.json"


@pytest.fixture
def stack(tmp_path):
    folder = write_tf(tmp_path / "stack", OK)
    (folder / "terraform.tfvars").write_text('x = "y"\n', encoding="utf-8")
    return folder


def _untouched(path, before: bytes):
    assert path.read_bytes() == before


@pytest.mark.parametrize("option", ["--output", "--json-output"])
def test_an_output_naming_a_scanned_tf_file_is_refused(stack, option):
    before = (stack / "main.tf").read_bytes()
    run = refused("scan", str(stack), option, str(stack / "main.tf"))
    assert f"{option} {stack / 'main.tf'}: is an input of this command" in run.stderr
    _untouched(stack / "main.tf", before)


def test_an_output_naming_a_variables_file_of_the_scanned_directory_is_refused(stack):
    before = (stack / "terraform.tfvars").read_bytes()
    refused("scan", str(stack), "--output", str(stack / "terraform.tfvars"))
    _untouched(stack / "terraform.tfvars", before)


def test_an_output_naming_the_plan_being_scanned_is_refused(tmp_path):
    plan = tmp_path / "plan.json"
    shutil.copy(PLAN, plan)
    before = plan.read_bytes()
    refused("scan", str(plan), "--format", "json", "--json-output", str(plan))
    _untouched(plan, before)


def test_an_output_reaching_an_input_through_a_link_is_refused(stack, tmp_path):
    os.symlink(stack / "main.tf", tmp_path / "alias.json")
    before = (stack / "main.tf").read_bytes()
    refused("scan", str(stack), "--output", str(tmp_path / "alias.json"))
    _untouched(stack / "main.tf", before)


def test_an_output_naming_the_single_tf_file_given_is_refused(stack):
    refused("scan", str(stack / "main.tf"), "--output", str(stack / "main.tf"))


def test_an_output_naming_the_var_file_option_is_refused(stack, tmp_path):
    var_file = tmp_path / "prod.tfvars"
    var_file.write_text('x = "z"\n', encoding="utf-8")
    refused("scan", str(stack), "--var-file", str(var_file), "--output", str(var_file))
    assert var_file.read_text(encoding="utf-8") == 'x = "z"\n'


def test_an_output_naming_the_licence_profile_is_refused(stack, tmp_path):
    profile = tmp_path / "permitguard.yaml"
    shutil.copy(BUNDLED, profile)
    before = profile.read_bytes()
    refused("scan", str(stack), "--license", str(profile), "--output", str(profile))
    _untouched(profile, before)


def test_output_and_json_output_naming_one_file_is_refused(stack, tmp_path):
    run = refused("scan", str(stack), "--output", str(tmp_path / "r.json"), "--json-output",
                  str(tmp_path / "r.json"))
    assert "also named by --output" in run.stderr and not (tmp_path / "r.json").exists()


def test_report_output_naming_its_input_is_refused(stack, tmp_path):
    scanned = tmp_path / "scan.json"
    run = cli("scan", str(stack), "--format", "json", "--output", str(scanned), "--as-of", AS_OF)
    assert run.exit_status == 0
    before = scanned.read_bytes()
    refused("report", str(scanned), "--format", "json", "--output", str(scanned))
    _untouched(scanned, before)


def test_a_new_report_file_inside_the_scanned_directory_is_allowed(stack):
    run = cli("scan", str(stack), "--output", str(stack / "report.txt"), "--as-of", AS_OF)
    assert run.exit_status == 0 and "permitguard" in (stack / "report.txt").read_text(encoding="utf-8")


def test_an_output_replaces_the_previous_file_atomically_leaving_no_temporary_file(stack, tmp_path):
    out = tmp_path / "out" / "scan.json"
    out.parent.mkdir()
    out.write_text("old", encoding="utf-8")
    run = cli("scan", str(stack), "--format", "json", "--output", str(out), "--as-of", AS_OF)
    assert run.exit_status == 0
    assert json.loads(out.read_text(encoding="utf-8"))["tool"]["name"] == "permitguard"
    assert sorted(p.name for p in out.parent.iterdir()) == ["scan.json"]
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)  # not the temporary file's private mode


def test_a_failed_write_leaves_the_previous_output_and_no_temporary_file(stack, tmp_path, monkeypatch):
    out = tmp_path / "out" / "scan.json"
    out.parent.mkdir()
    out.write_text("previous", encoding="utf-8")

    def full_disk(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)  # the rename is the last step: everything before it done
    run = refused("scan", str(stack), "--output", str(out), "--as-of", AS_OF)
    assert "cannot write: No space left on device" in run.stderr
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in out.parent.iterdir()) == ["scan.json"]


def test_an_output_that_is_a_directory_is_refused(stack, tmp_path):
    run = refused("scan", str(stack), "--output", str(tmp_path))
    assert "a directory" in run.stderr


def test_an_output_under_a_file_is_refused(stack, tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    run = refused("scan", str(stack), "--output", str(tmp_path / "file" / "r.txt"))
    assert "cannot write" in run.stderr and (tmp_path / "file").read_text(encoding="utf-8") == "x"


def test_an_output_that_is_a_named_pipe_is_written_to_and_stays_a_pipe(stack, tmp_path):
    """`--output /dev/null` or a pipe is written to as it is: renaming a file over it would replace the
    device (as root, /dev/null itself) by a regular file."""
    import stat
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()))
    reader.start()
    run = cli("scan", str(stack), "--format", "json", "--output", str(pipe), "--as-of", AS_OF)
    reader.join(timeout=60)
    assert run.exit_status == 0, run.stderr
    assert json.loads(got[0])["tool"]["name"] == "permitguard"
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    null = cli("scan", str(stack), "--output", os.devnull, "--as-of", AS_OF)
    assert null.exit_status == 0 and stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_an_output_that_is_a_symbolic_link_writes_the_file_it_names(stack, tmp_path):
    real = tmp_path / "reports" / "scan.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    run = cli("scan", str(stack), "--format", "json", "--output", str(link), "--as-of", AS_OF)
    assert run.exit_status == 0, run.stderr
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["tool"]["name"] == "permitguard"
