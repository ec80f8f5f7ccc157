"""SP-6: a network or system's facilities carry its protection grade and filing (CKV_CNLIC_603, advisory).

MIIT Order No. 11 has the operator grade its networks and systems (1-5) and file them with the communications
authority (定级备案). A system facility is a type of the system catalog (data/systems.yaml): compute
instances, Kubernetes clusters, databases, load balancers (every one carries tags: tests hold the catalog to
that); every other type is not applicable. A facility carries the
grade in tag `protection-grade` (profile `tags.protection_grade`: 1-5, 三级, 第三级) and the filing reference
in tag `security-filing` (`tags.security_filing`). Where the profile records the filed systems
(`security_filings`), the reference must be one of them and the grade the one filed for it. A tag known only
after apply could not be established (a failure, never a pass). Facilities inherit nothing: a grade is
recorded on each facility itself (provider default tags count, being its tags).
"""

from __future__ import annotations

from permitguard.context import Context, Subject, TypeOf
from permitguard.model import Unknown
from permitguard.rules.base import FAILED, PASSED, Verdict
from permitguard.rules.common import base_facts, type_gated


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _no_facility(t: TypeOf, ctx: Context) -> str | None:
    return "not_a_system_facility" if ctx.systems.kind(t.info.type) is None else None


@type_gated(_no_facility)
def protection_grade(s: Subject, ctx: Context) -> Verdict:
    facts = base_facts(s)
    systems = ctx.systems
    kind = systems.kind(s.info.type)
    profile = ctx.profile
    grade_tag, filing_tag = profile.tags["protection_grade"], profile.tags["security_filing"]
    facts.update(kind=kind.replace("_", " "), grade_tag=grade_tag, filing_tag=filing_tag)
    grade_text, reference = s.tag(grade_tag), s.tag(filing_tag)
    for tag, value in ((grade_tag, grade_text), (filing_tag, reference)):
        if isinstance(value, Unknown):
            return Verdict(FAILED, "tag_unresolved", {**facts, "tag": tag, "why": value})
    if _blank(grade_text) and _blank(reference):
        return Verdict(FAILED, "not_recorded", facts)
    if _blank(grade_text):
        return Verdict(FAILED, "grade_missing", {**facts, "reference": str(reference).strip()})
    grade = systems.grade(str(grade_text))
    facts["value"] = str(grade_text).strip()
    if grade is None:
        return Verdict(FAILED, "grade_malformed", facts)
    facts["grade"] = grade
    if _blank(reference):
        return Verdict(FAILED, "filing_missing", facts)
    facts["reference"] = str(reference).strip()
    if not profile.security_filings:
        return Verdict(PASSED, "recorded", facts)
    filed = profile.security_filing(str(reference))
    if filed is None:
        return Verdict(FAILED, "not_filed", facts)
    facts.update(system=filed.system, filed_grade=filed.grade)
    if filed.grade != grade:
        return Verdict(FAILED, "wrong_grade", facts)
    return Verdict(PASSED, "filed", facts)


RULES = {
    "CKV_CNLIC_603": protection_grade,
}
