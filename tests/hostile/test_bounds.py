"""Bounded work (issue 13, deliverable 5): every reader takes regular files only (no device, FIFO or
socket), of at most 4 MiB per Terraform file and 256 MiB per JSON input (plan, preview, report input),
and answers at once when one is not: a symlink to /dev/zero or a 67 MB `.tf` is exit 2 or a
could-not-evaluate finding in well under a second, never a read that fills memory or blocks. Links that
leave a scanned directory are never opened (a secrets file linked as `leak.tf` is not read as HCL)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import cli
from hostile.support import AS_OF, ROOT, refused, scan, write_tf

OK = 'provider "alicloud" { region = "cn-beijing" }\nresource "alicloud_vpc" "net" {\n  vpc_name = "n"\n}\n'
MIB = 1024 * 1024


def quick(*args: str, limit: float = 1.0):
    """A command refused as unusable input, within `limit` seconds."""
    start = time.perf_counter()
    run = refused(*args)
    assert time.perf_counter() - start < limit, f"took {time.perf_counter() - start:.2f} s"
    return run


def sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as f:
        f.truncate(size)  # no disk used: the reader must refuse it by its size, not read it
    return path


# ---- plan / preview / report inputs -------------------------------------------------------------------

def test_a_plan_argument_linked_to_dev_zero_is_refused_at_once(tmp_path):
    os.symlink("/dev/zero", tmp_path / "plan.json")
    run = quick("scan", str(tmp_path / "plan.json"))
    assert "a character device, not a regular file" in run.stderr


def test_a_fifo_given_as_a_plan_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "plan.json")
    assert "a FIFO (named pipe), not a regular file" in quick("scan", str(tmp_path / "plan.json")).stderr


def test_a_plan_over_the_json_limit_is_refused_by_its_size(tmp_path):
    path = sparse(tmp_path / "plan.json", 300 * MIB)
    assert "300.0 MiB, over the limit of 256 MiB" in quick("scan", str(path)).stderr


def test_a_report_input_linked_to_dev_zero_is_refused(tmp_path):
    os.symlink("/dev/zero", tmp_path / "checkov.json")
    assert "a character device" in quick("report", str(tmp_path / "checkov.json")).stderr


def test_a_report_input_over_the_limit_is_refused(tmp_path):
    path = sparse(tmp_path / "scan.json", 257 * MIB)
    assert "over the limit of 256 MiB" in quick("report", str(path)).stderr


def test_a_socket_given_as_an_input_is_refused(tmp_path):
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "s.json"))
        assert "a socket, not a regular file" in quick("scan", str(tmp_path / "s.json")).stderr
    finally:
        server.close()


# ---- Terraform files ------------------------------------------------------------------------------------

def test_a_67_mb_tf_file_given_alone_is_refused_by_its_size(tmp_path):
    path = sparse(tmp_path / "huge.tf", 67 * MIB)
    assert "67.0 MiB, over the limit of 4 MiB" in quick("scan", str(path)).stderr


def test_a_67_mb_tf_file_in_a_directory_fails_closed_and_the_other_roots_are_judged(tmp_path):
    write_tf(tmp_path / "live", OK)
    sparse(write_tf(tmp_path / "big", OK) / "huge.tf", 67 * MIB)
    found = scan(tmp_path, "--as-of", AS_OF)
    assert found.exit_status == 1
    part = found.finding("CKV_CNLIC_100", "big/huge.tf")
    assert part["status"] == "failed" and "over the limit of 4 MiB" in part["message"]["en"]
    assert found.finding("CKV_CNLIC_101", "alicloud_vpc.net")["status"] == "passed"  # live/ judged
    assert ("unsafe_file", "permitguard") in {(s["reason"], s["by"]) for s in found.doc["skipped_inputs"]}


def test_a_tf_linked_to_dev_zero_beside_real_configuration_is_never_read(tmp_path):
    write_tf(tmp_path, OK)
    os.symlink("/dev/zero", tmp_path / "zero.tf")
    run = quick("scan", str(tmp_path))  # its only root is not evaluated: nothing could be read
    assert "zero.tf: not read" in run.stderr and "/dev/zero" in run.stderr


def test_a_fifo_tf_in_a_directory_does_not_block_the_evaluator(tmp_path):
    write_tf(tmp_path / "a", OK)
    os.mkfifo(tmp_path / "a" / "pipe.tf")
    write_tf(tmp_path / "b", OK)
    found = scan(tmp_path, "--as-of", AS_OF)
    assert found.exit_status == 1
    assert "a FIFO" in found.finding("CKV_CNLIC_100", "a/pipe.tf")["message"]["en"]


def test_a_secrets_file_linked_as_a_tf_file_is_not_read_as_hcl(tmp_path):
    (tmp_path / "secrets.env").write_text("DB_PASSWORD=hunter2-very-secret\n", encoding="utf-8")
    write_tf(tmp_path / "stack", OK)
    write_tf(tmp_path / "stack" / "other", OK.replace("net", "other"))
    os.symlink("../../secrets.env", tmp_path / "stack" / "other" / "leak.tf")
    for fmt in ("json", "text", "sarif", "html"):
        run = cli("scan", str(tmp_path / "stack"), "--format", fmt, "--as-of", AS_OF)
        assert run.exit_status == 1, run.stderr
        assert "hunter2" not in run.stdout + run.stderr and "DB_PASSWORD" not in run.stdout + run.stderr
    found = scan(tmp_path / "stack", "--as-of", AS_OF)
    assert "leaving the scanned directory" in found.finding("CKV_CNLIC_100", "other/leak.tf")["message"]["en"]


def test_a_link_that_stays_inside_the_scanned_tree_is_read(tmp_path):
    write_tf(tmp_path / "shared", "")
    (tmp_path / "shared" / "main.tf").write_text(OK, encoding="utf-8")
    (tmp_path / "live").mkdir()
    os.symlink("../shared/main.tf", tmp_path / "live" / "main.tf")
    found = scan(tmp_path / "live", "--as-of", AS_OF)  # the link leaves live/: refused
    assert found.exit_status == 2
    found = scan(tmp_path, "--as-of", AS_OF)  # scanned from the top: inside the tree, read
    assert found.exit_status == 0 and "CKV_CNLIC_100" not in {f["rule_id"] for f in found.doc["findings"]
                                                              if f["status"] == "failed"}


def test_a_tfvars_file_linked_to_dev_zero_fails_its_root_closed(tmp_path):
    write_tf(tmp_path / "a", OK)
    os.symlink("/dev/zero", tmp_path / "a" / "terraform.tfvars")
    write_tf(tmp_path / "b", OK)
    found = scan(tmp_path, "--as-of", AS_OF)
    assert found.exit_status == 1
    assert "/dev/zero" in found.finding("CKV_CNLIC_100", "a/terraform.tfvars")["message"]["en"]


def test_a_var_file_option_naming_a_device_is_refused(tmp_path):
    write_tf(tmp_path, OK)
    run = quick("scan", str(tmp_path), "--var-file", "/dev/zero")
    assert "--var-file /dev/zero: cannot read it: a character device" in run.stderr


def test_a_var_file_option_over_the_limit_is_refused(tmp_path):
    write_tf(tmp_path, OK)
    big = sparse(tmp_path / "big.tfvars.json", 5 * MIB)
    run = quick("scan", str(tmp_path / "main.tf"), "--var-file", str(big))
    assert "over the limit of 4 MiB" in run.stderr


def test_a_local_module_outside_the_tree_holding_a_device_link_is_not_evaluated(tmp_path):
    write_tf(tmp_path / "modules" / "net", OK)
    os.symlink("/dev/zero", tmp_path / "modules" / "net" / "zero.tf")
    write_tf(tmp_path / "live", 'module "net" {\n  source = "../modules/net"\n}\n')
    run = quick("scan", str(tmp_path / "live"), limit=3.0)
    assert "modules/net/zero.tf: not read" in run.stderr


def test_modules_json_linked_to_dev_zero_is_ignored_not_read(tmp_path):
    write_tf(tmp_path, OK)
    (tmp_path / ".terraform" / "modules").mkdir(parents=True)
    os.symlink("/dev/zero", tmp_path / ".terraform" / "modules" / "modules.json")
    start = time.perf_counter()
    assert scan(tmp_path, "--as-of", AS_OF).exit_status == 0
    assert time.perf_counter() - start < 5


def test_a_huge_directory_input_stays_bounded_in_memory(tmp_path):
    """A subprocess (its own peak memory): a 67 MB .tf and a /dev/zero link cost no more than a scan."""
    sparse(write_tf(tmp_path / "big", OK) / "huge.tf", 67 * MIB)
    os.symlink("/dev/zero", tmp_path / "zero.json")
    probe = ("import re, sys; from permitguard.cli import main; codes = [main(['scan', a]) for a in "
             "sys.argv[1:]]; status = open('/proc/self/status').read(); "  # VmHWM: this process's peak
             "print(codes, re.search(r'VmHWM:\\s*(\\d+)', status).group(1))")
    done = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "big"), str(tmp_path / "zero.json")],
                          capture_output=True, text=True, timeout=60, cwd=ROOT,
                          env={k: v for k, v in os.environ.items() if not k.startswith("PERMITGUARD_")})
    codes, peak_kib = done.stdout.rsplit("]", 1)
    assert json.loads(codes + "]") == [2, 2], done.stderr
    assert int(peak_kib) < 200 * 1024, f"peak {int(peak_kib) // 1024} MiB"
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("name", ["main.tf", "x.tf.json"])
def test_a_directory_named_like_a_tf_file_is_unusable_input(tmp_path, name):
    (tmp_path / name).mkdir()
    run = refused("scan", str(tmp_path / name))
    assert "no Terraform files" in run.stderr


def test_a_secrets_file_linked_as_the_tf_file_given_is_not_read(tmp_path):
    (tmp_path / "secrets.env").write_text("API_TOKEN=s3cr3t-value\n", encoding="utf-8")
    stack = write_tf(tmp_path / "stack", OK)
    os.symlink("../secrets.env", stack / "leak.tf")
    run = refused("scan", str(stack / "leak.tf"), "--format", "json", "--as-of", AS_OF)  # its only root
    assert "s3cr3t" not in run.stdout + run.stderr and "API_TOKEN" not in run.stderr
    assert "leak.tf: not read" in run.stderr and "leaving the scanned directory" in run.stderr
    write_tf(stack / "other", OK)  # a second root beside it: a could-not-evaluate finding, the rest judged
    run = cli("scan", str(stack), "--format", "json", "--as-of", AS_OF)
    assert run.exit_status == 1 and "s3cr3t" not in run.stdout + run.stderr
    (part,) = [f for f in json.loads(run.stdout)["findings"] if f["status"] == "failed"]
    assert part["rule_id"] == "CKV_CNLIC_100" and part["resource"]["address"] == "leak.tf"


def test_a_directory_scan_answers_in_under_a_second_whatever_it_skips(tmp_path):
    """Only metadata is looked at for what is skipped: devices, FIFOs and huge files cost nothing."""
    sparse(tmp_path / "huge.tf", 2 * 1024 * MIB)
    os.mkfifo(tmp_path / "pipe.tf")
    os.symlink("/dev/zero", tmp_path / "zero.tf")
    os.symlink("/dev/urandom", tmp_path / "terraform.tfvars")
    run = quick("scan", str(tmp_path))
    assert all(name in run.stderr for name in ("huge.tf", "pipe.tf", "zero.tf"))
