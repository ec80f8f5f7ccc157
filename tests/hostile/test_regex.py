"""Profile regexes (filing_reference_pattern) run by RE2, in time linear in the tag: a pattern with
catastrophic backtracking under Python's `re` cannot hang a scan, and a pattern RE2 cannot run
(backreferences, lookaround, huge repetitions) is a profile error naming the field, never a fallback."""
from __future__ import annotations

import time

import pytest

from hostile.support import BASE, edit, profile, refused, scan, write_tf
from permitguard.safe_regex import MAX_TEXT, PatternError, SafePattern

DEFAULT = 'filing_reference_pattern: "^[A-Z]{2,}-[0-9]{4}-[0-9]{3,}$"'
EVIL = "a" * 35 + "!"


def with_pattern(pattern: str) -> str:
    return edit(DEFAULT, f"filing_reference_pattern: '{pattern}'")


def tf(tag: str) -> str:
    return f'''provider "alicloud" {{
  region = "cn-hangzhou"
}}

resource "alicloud_instance" "tagged" {{
  instance_type = "ecs.g7.large"
  tags = {{ "prior-filing" = "{tag}", "license-service" = "isp" }}
}}
'''


@pytest.mark.parametrize("pattern", [r"^(a+)+$", r"^(a|aa)+$", r"^(a*)*b$", r"^(\w+\s?)*$", r"^((a+)+)+$"])
def test_catastrophic_patterns_do_not_hang_a_scan(tmp_path, pattern):
    target = write_tf(tmp_path / "tf", tf(EVIL))
    started = time.perf_counter()
    result = scan(target, "--license", str(profile(tmp_path, with_pattern(pattern))), "--as-of", "2026-11-28")
    assert time.perf_counter() - started < 3
    finding = result.finding("CKV_CNLIC_302", "alicloud_instance.tagged")
    assert (result.exit_status, finding["status"], finding["reason"]) == (1, "failed", "malformed")
    assert pattern in finding["message"]["en"]


@pytest.mark.parametrize(("pattern", "why"), [
    (r"(a)\1", "invalid escape sequence"),          # backreference
    (r"^(?=TE)[A-Z-0-9]+$", "invalid perl operator"),  # lookahead
    (r"(?<=T)E", "invalid perl operator"),          # lookbehind
    (r"^(TE-[0-9]{4}", "missing )"),
    (r"^a{1001}$", "invalid repetition size"),
    (r"((a{100}){100}){100}", "invalid repetition size"),
])
def test_a_pattern_re2_cannot_run_is_a_profile_error_naming_the_field(tmp_path, pattern, why):
    run = refused("license", "validate", str(profile(tmp_path, with_pattern(pattern))))
    assert "$.filing_reference_pattern: not a regular expression RE2 accepts" in run.stderr
    assert why in run.stderr


def test_a_pattern_longer_than_the_limit_is_refused_by_the_schema(tmp_path):
    run = refused("license", "validate", str(profile(tmp_path, with_pattern("a" * 1001))))
    assert "$.filing_reference_pattern: " in run.stderr and "is too long" in run.stderr


def test_a_pattern_that_is_no_string_is_refused(tmp_path):
    path = profile(tmp_path, edit(DEFAULT, "filing_reference_pattern: 123"))
    run = refused("license", "validate", str(path))
    assert "$.filing_reference_pattern: 123 is not of type 'string'" in run.stderr


def test_a_matching_reference_goes_on_to_the_filing_check(tmp_path):
    target = write_tf(tmp_path / "tf", tf("XY-2026-999"))
    result = scan(target, "--license", str(profile(tmp_path, BASE)), "--as-of", "2026-11-28")
    assert result.finding("CKV_CNLIC_302", "alicloud_instance.tagged")["reason"] == "unknown_reference"


def test_a_tag_of_ten_thousand_characters_is_malformed_at_once(tmp_path):
    target = write_tf(tmp_path / "tf", tf("A" * 10_000))
    started = time.perf_counter()
    path = profile(tmp_path, with_pattern(r"^(A+)+$"))
    result = scan(target, "--license", str(path), "--as-of", "2026-11-28")
    assert time.perf_counter() - started < 3
    assert result.finding("CKV_CNLIC_302", "alicloud_instance.tagged")["reason"] == "malformed"


@pytest.mark.parametrize("text", ["\ud800", "TE-2026-0500\n", "a" * (MAX_TEXT + 1), "ＴＥ-２０２６-０５００"])
def test_texts_python_re_would_accept_or_choke_on_do_not_match(text):
    pattern = SafePattern(r"^[A-Z]{2,}-\d{4}-\d{3,}$")  # `re`: `$` before a final newline, Unicode \d
    assert pattern.match(text) is False


def test_the_re2_engine_is_linear_where_re_is_exponential():
    evil = SafePattern(r"^(a+)+$")
    started = time.perf_counter()
    assert not evil.match("a" * 200 + "!")
    assert time.perf_counter() - started < 0.05


def test_pattern_error_is_a_value_error_with_the_reason():
    with pytest.raises(PatternError, match="invalid perl operator"):
        SafePattern("(?!x)")
