"""The report's own words, English and Chinese side by side (data texts come from the catalogs)."""
from __future__ import annotations

from typing import Any

LABELS: dict[str, tuple[str, str]] = {
    "title": ("Permit compliance report", "经营许可证合规报告"),
    "contents": ("Contents", "目录"),
    "cover": ("Permit and scope", "许可证与检查范围"),
    "permit": ("Permit", "许可证"),
    "holder": ("Holder", "持证单位"),
    "services": ("Business types and coverage", "业务种类及覆盖范围"),
    "nationwide": ("nationwide (mainland China)", "全国（中国大陆）"),
    "validity": ("Validity", "有效期"),
    "renewal": ("Renewal application deadline (SP-12)", "续期申请截止日（特别规定事项第十二条）"),
    "days_left": ("{n} days left", "剩余 {n} 天"),
    "days_over": ("passed {n} days ago", "已过 {n} 天"),
    "expired": ("the permit has expired", "许可证已过期"),
    "profile": ("Licence profile", "许可配置"),
    "tool": ("Tool", "工具"),
    "generated": ("Generated", "生成时间"),
    "as_of": ("Change date", "变更日期"),
    "inputs": ("Inputs", "输入"),
    "kind": ("Kind", "类型"),
    "via": ("via", "来自"),
    "verdict": ("Verdict", "结论"),
    "verdict_fail": ("Not compliant: {n} blocking failures", "不符合：{n} 项阻断性违规"),
    "verdict_warn": ("No blocking failure; {n} advisory warnings", "无阻断性违规；{n} 项建议性警告"),
    "verdict_pass": ("No failure found by the rules checked", "所检查的规则未发现违规"),
    "verdict_empty": ("Nothing was evaluated: the inputs hold no permitguard results",
                      "未评估任何内容：输入中没有 permitguard 检查结果"),
    "verdict_note": ("A pass covers only what the rules check. Clauses marked “not checkable” or “no rule "
                     "yet” "
                     "must be audited by other means.",
                     "“符合”仅限于规则所检查的内容；标为“无法通过基础设施代码检查”或“暂无规则”的条款须以其他方式审核。"),
    "resources": ("Resources", "资源"),
    "findings": ("Findings", "检查结果"),
    "blocking": ("blocking", "阻断性"),
    "advisory": ("advisory", "建议性"),
    "undetermined": ("could not be established", "无法确定"),
    "clauses_enforced": ("Checkable clauses with a rule", "有规则覆盖的可检查条款"),
    "matrix": ("Clause matrix", "条款矩阵"),
    "clause": ("Clause", "条款"),
    "state": ("State", "状态"),
    "rules": ("Rules", "规则"),
    "by_clause": ("Findings by clause", "按条款列出的违规项"),
    "none_failed": ("No rule failed.", "没有未通过的规则。"),
    "rule": ("Rule", "规则"),
    "resource": ("Resource", "资源"),
    "where": ("File:line or URN", "文件:行 或 URN"),
    "location": ("Location found", "所在位置"),
    "why": ("Why", "原因"),
    "fix": ("How to fix", "修复方法"),
    "severity": ("Severity", "严重程度"),
    "unevaluated": ("Could not be evaluated", "无法评估"),
    "none_unevaluated": ("Every resource read could be evaluated.", "所有读取的资源均可评估。"),
    "subject": ("Subject", "对象"),
    "input": ("Input", "输入"),
    "suppressions": ("Suppressions", "豁免记录"),
    "none_suppressed": ("Nothing was suppressed.", "没有被豁免的检查。"),
    "suppressed_reason": ("Reason given", "所述理由"),
    "suppressed_by": ("Suppressed by", "豁免方式"),
    "suppressed_by_default": ("annotation in the source", "源代码中的注释"),
    "verdict_col": ("Verdict", "结论"),
    "other": ("Other checks (not mapped to the permit)", "其他检查（不对应许可证条款）"),
    "none_other": ("No other checks in the inputs.", "输入中没有其他检查。"),
    "check": ("Check", "检查项"),
    "inventory": ("Where resources are", "资源所在位置"),
    "inventory_note": ("Bars: resources per place, coloured by the residency rules' verdict. "
                       "Squares: whether "
                       "each business type's licensed coverage includes the place.",
                       "条形：各地资源数量，颜色表示驻留规则的判定结果。方块：各业务种类的许可覆盖范围是否包括该地。"),
    "inside": ("inside coverage", "在覆盖范围内"),
    "outside": ("outside coverage", "超出覆盖范围"),
    "unknown": ("not established", "无法确定"),
    "not_judged": ("no residency verdict", "无驻留判定"),
    "covered": ("licensed here", "此地已许可"),
    "not_covered": ("not licensed here", "此地未许可"),
    "loc_unknown": ("location not established", "位置无法确定"),
    "loc_global": ("global (no location)", "全局（无地域）"),
    "loc_missing": ("location not in the input", "输入中无位置信息"),
    "more": ("… and {n} more", "……另有 {n} 项"),
    "summarised": ("Summarised to stay under {n} characters: at most {k} rows per list. "
                   "The HTML report lists all.",
                   "为控制在 {n} 个字符以内已作摘要：每个列表最多 {k} 行。HTML 报告列出全部内容。"),
    "truncated": ("Truncated at {n} characters: the HTML report lists all.",
                  "已在 {n} 个字符处截断：HTML 报告列出全部内容。"),
    "fail": ("FAIL", "不符合"), "warn": ("WARN", "警告"), "pass": ("PASS", "符合"),
    "suppressed": ("suppressed", "已豁免"), "not_applicable": ("not applicable", "不适用"),
    "not_evaluated": ("not evaluated: no findings", "未评估：无检查结果"),
    "no_rule": ("checkable, no rule yet", "可检查，暂无规则"),
    "not_checkable": ("not checkable from infrastructure code", "无法通过基础设施代码检查"),
    "not_granted": ("business type not granted by this permit", "本许可证未授予该业务种类"),
    "passed": ("passed", "通过"), "failed": ("failed", "未通过"), "skipped": ("skipped", "跳过"),
}


def label(key: str, lang: str, **fmt: Any) -> str:
    en, zh = LABELS[key]
    en, zh = en.format(**fmt), zh.format(**fmt)
    return {"en": en, "zh": zh}.get(lang, f"{en} · {zh}")


def texts(value: dict[str, str] | Any, lang: str) -> list[tuple[str, str]]:
    """(language, text) pairs of a bilingual value to show: one language, or both unless they are equal."""
    en, zh = (value["en"], value["zh"]) if isinstance(value, dict) else (value.en, value.zh)
    if lang == "en" or (lang == "both" and en == zh):
        return [("en", en)]
    return [("zh", zh)] if lang == "zh" else [("en", en), ("zh", zh)]


def joined(value: dict[str, str] | Any, lang: str) -> str:
    """The texts of a bilingual value to show, one per line (see `texts`)."""
    return "\n".join(t for _, t in texts(value, lang))
