"""Licence-profile YAML a safe loader alone lets through: duplicate keys (the second block silently
replaced the first), alias bombs, self-references, nesting, size, files that are no files. Each is
exit 2 with the field path ($.a.b) and, for duplicates, both lines — from `license validate` and `scan`."""
from __future__ import annotations

import re
import time

import pytest

from hostile.support import BASE, ROOT, edit, profile, refused

EXAMPLE = ROOT / "infra" / "terraform" / "alicloud-compliant"
LINE_OF_LICENSE = BASE.splitlines().index("license:") + 1

BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8)
)

CASES = {
    # name: (profile text, substrings the error must contain)
    "duplicate top-level block": (
        BASE + "\nlicense:\n  number: B1-20195402\n",
        ["$.license: duplicate key 'license'", f"line {LINE_OF_LICENSE} and line"],
    ),
    "second services widening IDC to nationwide": (
        edit("  services:                          #",
             "  services:\n    idc: {code: B11, coverage: {nationwide: true}}\n  services:  #"),
        ["$.license.services: duplicate key 'services'"],
    ),
    "duplicate key inside a list item": (
        edit("    region: cn-shenzhen\n", "    region: cn-shenzhen\n    region: cn-heyuan\n"),
        ["$.machine_rooms[1].region: duplicate key 'region'"],
    ),
    "duplicate account provider": (
        edit('    aws: ["111122223333"]\n', '    aws: ["111122223333"]\n    aws: ["999999999999"]\n'),
        ["$.organization.accounts.aws: duplicate key 'aws'"],
    ),
    "same key spelled as number and string": (
        "license: {}\norganization: {accounts: {}}\ntags: {1: a, '1': b}\n",
        ["$.tags.1: duplicate key '1'"],
    ),
    "key overridden through a merge": (
        "base: &b {nationwide: true}\nlicense:\n  <<: *b\n  nationwide: false\n",
        ["$.license.nationwide: duplicate key 'nationwide'", "through the merge at line 3"],
    ),
    "alias expansion bomb": (BOMB, ["alias expansion bomb", "more than 200,000 values"]),
    "self-referencing alias in a list": ("license: &x [*x]\n", ["$.license[0]", "self-reference"]),
    "self-referencing alias in a mapping": ("license: &x {a: *x}\n", ["$.license.a", "self-reference"]),
    "merge of the mapping itself": ("license: &x {<<: *x}\n", ["$.license", "merge (<<) refers"]),
    "nesting too deep": ("license: " + "[" * 5000 + "]" * 5000 + "\n", ["nested too deeply"]),
    "nesting deeper than the limit, shallow enough to compose": (
        "license: " + "[" * 70 + "]" * 70 + "\n", ["nested more than 64 levels deep"]),
    "mapping used as a key": ("? {a: 1}\n: x\n", ["$ (line 1): a key must be a plain value"]),
    "python object tag": ("license: !!python/object/apply:os.system [echo pwned]\n", ["not valid YAML"]),
    "two documents": ("license: {}\n---\nlicense: {}\n", ["not valid YAML", "line 2"]),
    "syntax error": ("license:\n  number: [unclosed\n", ["not valid YAML", "line"]),
    "not UTF-8": (b"license:\n  holder: \xff\xfe\xfa\n", ["not"]),
    "empty file": ("", ["$: None is not of type 'object'"]),
    "a list, not a mapping": ("- license\n", ["$: ['license'] is not of type 'object'"]),
}


@pytest.mark.parametrize("name", CASES)
def test_profile_yaml_is_refused_with_its_path(tmp_path, name):
    text, expected = CASES[name]
    path = profile(tmp_path, text)
    started = time.perf_counter()
    run = refused("license", "validate", str(path))
    assert time.perf_counter() - started < 5
    for part in expected:
        assert part in run.stderr, (part, run.stderr)


@pytest.mark.parametrize("name", ["second services widening IDC to nationwide", "alias expansion bomb"])
def test_scan_refuses_the_same_profiles_before_judging_anything(tmp_path, name):
    text, expected = CASES[name]
    path = profile(tmp_path, text)
    run = refused("scan", str(EXAMPLE), "--license", str(path))
    assert expected[0] in run.stderr and run.stdout == ""
    run = refused("scan", str(EXAMPLE), environ={"PERMITGUARD_LICENSE": str(path)})
    assert expected[0] in run.stderr


def test_a_profile_larger_than_a_megabyte_is_refused_unread(tmp_path):
    path = profile(tmp_path, BASE + "#" * (1 << 20) + "\n")
    run = refused("license", "validate", str(path))
    assert f"{path.stat().st_size:,} bytes, more than the 1,048,576 a profile may have" in run.stderr


@pytest.mark.parametrize("special", ["/dev/zero", "/dev/null", "directory"])
def test_a_profile_that_is_no_regular_file_is_refused_unread(tmp_path, special):
    target = str(tmp_path) if special == "directory" else special
    started = time.perf_counter()
    run = refused("license", "validate", target)
    assert "not a regular file" in run.stderr and time.perf_counter() - started < 2


def test_a_symlink_to_a_device_is_refused(tmp_path):
    link = tmp_path / "permitguard.yaml"
    link.symlink_to("/dev/zero")
    run = refused("scan", str(EXAMPLE), environ={"PERMITGUARD_LICENSE": str(link)})
    assert "not a regular file" in run.stderr


def test_the_bundled_profile_still_loads_through_the_strict_reader(tmp_path):
    from helpers import cli

    run = cli("license", "validate", str(profile(tmp_path, BASE)))
    assert run.exit_status == 0 and "valid licence profile for B1-20195402" in run.stdout


def test_every_yaml_the_package_reads_goes_through_the_strict_loader():
    """Only permitguard.strict_yaml calls PyYAML's loaders; everything else asks permitguard.datafiles."""
    package = ROOT / "policies" / "permitguard"
    loader_call = re.compile(r"(?<![\w.])yaml\.(safe_|full_|unsafe_)?load(_all)?\(|Loader=")
    callers = sorted(str(p.relative_to(package)) for p in package.rglob("*.py")
                     if loader_call.search(p.read_text(encoding="utf-8")))
    assert callers == []


@pytest.mark.parametrize("name", ["second services widening IDC to nationwide", "alias expansion bomb",
                                  "self-referencing alias in a mapping"])
def test_checkov_fails_every_check_with_the_reason(tmp_path, monkeypatch, name):
    from hostile.support import checkov_suite

    text, expected = CASES[name]
    monkeypatch.setenv("PERMITGUARD_LICENSE", str(profile(tmp_path, text)))
    monkeypatch.setenv("PERMITGUARD_AS_OF", "2026-11-28")
    monkeypatch.chdir(ROOT)
    outcome = checkov_suite().run_checkov(EXAMPLE)
    results = {r for _, _, r in outcome.results}
    assert results == {"FAILED"}  # a profile that cannot be used passes nothing
    assert all(expected[0] in " ".join(d) for d in outcome.details.values())


@pytest.mark.parametrize("name", ["second services widening IDC to nationwide", "alias expansion bomb"])
def test_pulumi_pack_blocks_with_the_reason(tmp_path, name):
    from hostile.support import pack_client

    client = pack_client()
    text, expected = CASES[name]
    pack = client.Pack.start(env={"PERMITGUARD_LICENSE": str(profile(tmp_path, text)),
                                  "PERMITGUARD_AS_OF": "2026-11-28"})
    try:
        pack.configure_stack()
        pack.configure({})
        response = pack.analyze(client.request("alicloud:ecs/instance:Instance", "web",
                                               {"availabilityZone": "cn-beijing-h"}))
        found = client.violations(response)
        assert found and all(level == "mandatory" for _, level, _ in found)
        assert any(expected[0] in message for _, _, message in found)
        assert not any("Traceback" in line for line in pack.stderr)
    finally:
        pack.stop()
