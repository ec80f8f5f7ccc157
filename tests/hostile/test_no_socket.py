"""A scan opens no network socket (issue 13, deliverable 6): the CLI runs in a subprocess whose
`sitecustomize` installs an audit hook that records and refuses every socket created, bound, connected or
resolved; the tfparse worker process the CLI starts inherits it (PYTHONPATH is in its environment). At exit
each process also lists its open file descriptors: a socket opened below Python (tfparse is Go) and still
open shows up there. Any record fails the test."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile.support import AS_OF, ROOT, write_tf

HOOK = '''
import atexit, os, sys
_LOG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sockets.log")  # (the worker's env is clean)
_EVENTS = ("socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo", "socket.gethostbyname",
           "socket.sendto", "socket.sendmsg")

def _note(what):
    with open(_LOG, "a", encoding="utf-8") as f:
        f.write(f"{os.getpid()} {' '.join(sys.argv)[:200]}: {what}\\n")

def _hook(event, args):
    if event in _EVENTS:
        _note(f"{event} {args!r:.200}")
        raise RuntimeError(f"network access during a scan: {event}")

def _open_sockets():
    try:
        for fd in os.listdir("/proc/self/fd"):
            try:
                target = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:"):
                _note(f"open socket fd {fd} {target}")
    except OSError:
        pass

sys.addaudithook(_hook)
atexit.register(_open_sockets)
with open(_LOG + ".procs", "a", encoding="utf-8") as _f:  # which processes ran under the hook
    _f.write(" ".join(sys.orig_argv)[:200] + "\\n")
'''
OK = 'provider "alicloud" { region = "cn-beijing" }\nresource "alicloud_vpc" "net" {\n  vpc_name = "n"\n}\n'
CLI = "import sys; from permitguard.cli import main; sys.exit(main())"  # the CLI, its argv after -c CODE
REGISTRY = OK + ('module "vpc" {\n  source  = "terraform-alicloud-modules/vpc/alicloud"\n'
                 '  version = "1.11.0"\n}\n')


@pytest.fixture
def guarded(tmp_path):
    """Run `python ARGS…` under the hook: (completed process, the socket log's lines)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    log = site / "sockets.log"

    def run(*args: str) -> tuple[subprocess.CompletedProcess, list[str]]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PERMITGUARD_")}
        env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
        done = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=ROOT,
                              timeout=120)
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        procs = Path(f"{log}.procs")
        run.processes = procs.read_text(encoding="utf-8").splitlines() if procs.exists() else []
        log.unlink(missing_ok=True)
        procs.unlink(missing_ok=True)
        return done, lines

    return run


def scan(guarded, *args: str):
    done, sockets = guarded("-c", CLI, "scan", *args, "--as-of", AS_OF)
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    assert sockets == []
    return done


def test_the_hook_sees_a_socket_when_there_is_one(guarded):
    done, sockets = guarded("-c", "import socket\ntry:\n    socket.socket()\nexcept RuntimeError:\n    pass")
    assert done.returncode == 0 and len(sockets) == 1 and "socket.__new__" in sockets[0]


def test_a_terraform_directory_scan_opens_no_socket(guarded):
    done = scan(guarded, "infra/terraform/alicloud-violating", "--format", "json")
    assert done.returncode == 1 and json.loads(done.stdout)["summary"]["resources"] > 0
    assert any("permitguard.terraform.worker" in p for p in guarded.processes), guarded.processes


def test_a_registry_module_call_is_not_downloaded(guarded, tmp_path):
    done = scan(guarded, str(write_tf(tmp_path / "stack", REGISTRY)), "--format", "json")
    doc = json.loads(done.stdout)
    assert done.returncode == 1
    assert any(f["rule_id"] == "CKV_CNLIC_100" and f["status"] == "failed" and f["resource"]["address"]
               == "module.vpc" for f in doc["findings"])


def test_a_plan_scan_opens_no_socket(guarded):
    assert scan(guarded, "tests/fixtures/CKV_CNLIC_101/plan.json").returncode == 1


def test_a_preview_scan_opens_no_socket(guarded, tmp_path):
    sys.path.insert(0, str(ROOT / "tests" / "pulumi"))
    import mock_programs

    preview = tmp_path / "preview.json"
    program = mock_programs.run(ROOT / "infra" / "pulumi" / "aws-china")
    preview.write_text(json.dumps(mock_programs.preview_document(program)), encoding="utf-8")
    assert scan(guarded, str(preview)).returncode in (0, 1)


def test_report_opens_no_socket(guarded):
    fixtures = Path("tests/fixtures/report")
    done, sockets = guarded("-c", CLI, "report", str(fixtures / "scan.json"),
                            str(fixtures / "checkov.json"), "--format", "html", "--as-of", AS_OF)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr and sockets == []
