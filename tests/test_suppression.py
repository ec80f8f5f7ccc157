"""permitguard.suppression: which suppression comments give no reason, and what a finding says of them."""
from __future__ import annotations

from permitguard import suppression


def test_no_comment_blank_and_checkovs_placeholder_give_no_reason():
    for comment in (None, "", "   ", "No comment provided", " No comment provided "):
        assert suppression.reasonless(comment), comment
    for comment in ("filed under TE-2026-0500", "no"):
        assert not suppression.reasonless(comment), comment


def test_the_refusal_names_the_rule_in_both_languages():
    words = suppression.refused("CKV_CNLIC_202")
    assert words.en == ("`# checkov:skip=CKV_CNLIC_202` gives no reason: not honoured; write "
                        "`# checkov:skip=CKV_CNLIC_202:<why it is accepted>`")
    assert words.zh.startswith("`# checkov:skip=CKV_CNLIC_202` 未说明理由")
