"""GitHub code scanning's SARIF limits (report.formats.sarif.github_limits), and the scan's warning."""
from __future__ import annotations

import json

from permitguard.report.formats.sarif import GITHUB_MAX_RESULTS, github_limits


def log(results: int, text: str = "m") -> str:
    result = {"ruleId": "CKV_CNLIC_101", "message": {"text": text}}
    run = {"tool": {"driver": {"name": "permitguard"}}, "results": [result] * results}
    return json.dumps({"runs": [run]})


def test_a_log_within_the_limits_says_nothing():
    assert github_limits(log(GITHUB_MAX_RESULTS)) == []


def test_a_run_with_too_many_results_is_named_with_the_way_out():
    (problem,) = github_limits(log(GITHUB_MAX_RESULTS + 1))
    assert "25,001 results" in problem and "--shard" in problem


def test_a_file_too_large_gzipped_is_named():
    import os

    noise = os.urandom(6 * 1024 * 1024).hex()  # incompressible: 12 MB of text, ~6 MB gzipped per copy
    problems = github_limits(log(2, noise))
    assert any("MB gzipped" in p for p in problems)
