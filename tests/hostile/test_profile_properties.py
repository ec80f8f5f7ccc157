"""Property tests (Hypothesis) over the licence-profile reader: whatever the document — random bytes,
random YAML built from the profile's own vocabulary with anchors, aliases, merges and duplicate keys,
random edits of the bundled profile — it either loads, or raises ProfileError whose every line names
where (a field path `$…` or a line), which the CLI turns into exit 2. Never another exception."""
from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile.support import BASE, profile
from permitguard.errors import ProfileError
from permitguard.license import LicenseProfile
from permitguard.license_file import load_profile

SETTINGS = settings(max_examples=150, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
WORDS = ["license", "organization", "services", "idc", "isp", "vpn", "coverage", "nationwide", "provinces",
         "cities", "number", "holder", "issued", "expires", "renewal_notice_days", "accounts", "aws",
         "management_cidrs", "management_ports", "machine_rooms", "filings", "filing_reference_pattern",
         "tags", "<<", "code", "region", "zones", "filed_on", "reference", "scope", "provider"]
SCALARS = ["B1-20195402", "2029-02-30", "2024-09-10", "10.0.0.0/33", "10.0.0.0/8", "CN-BJ", "B11", "true",
           "~", "1" * 40, "-1", ".inf", "0x1F", "^(a+)+$", "(a)\\1", "'", '"', "[", "{", "*x", "&x", "!!str",
           "!!python/object:os.system", "22-21", "99999", "中文", "\t", "\\ud800"]


def _reads(path) -> None:
    try:
        assert isinstance(load_profile(path), LicenseProfile)
    except ProfileError as exc:
        problems = str(exc).splitlines()
        if len(problems) > 1:  # "… is invalid:" then one line per problem, each with its field path
            assert problems[0].endswith("is invalid:") and all(p.startswith("  - $") for p in problems[1:])
        else:  # YAML the strict reader refuses: a path, else a line or a character position
            assert any(where in problems[0] for where in ("$", "(line ", "(character ")), str(exc)


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_load_or_are_a_profile_error(tmp_path, data):
    _reads(profile(tmp_path, data))


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!<>|#'\" \n\t,?%@`0123456789")), max_size=200))
def test_yaml_punctuation_soup_loads_or_is_a_profile_error(tmp_path, text):
    _reads(profile(tmp_path, text))


def _lines(draw, depth: int) -> list[str]:
    out = []
    for _ in range(draw(st.integers(1, 4))):
        key = draw(st.sampled_from(WORDS))
        anchor = draw(st.sampled_from(["", " &x", " &y"]))
        if depth < 3 and draw(st.booleans()):
            out.append(f"{key}:{anchor}")
            out += ["  " + line for line in _lines(draw, depth + 1)]
        else:
            value = draw(st.sampled_from(SCALARS + ["*x", "*y", "[*x, *x]", "{<<: *x}"]))
            out.append(f"{key}:{anchor} {value}")
    return out


@st.composite
def documents(draw) -> str:
    return "\n".join(_lines(draw, 0)) + "\n"


@SETTINGS
@given(documents())
def test_profile_shaped_yaml_with_aliases_and_duplicates_loads_or_is_a_profile_error(tmp_path, text):
    _reads(profile(tmp_path, text))


@st.composite
def edited_profiles(draw) -> str:
    lines = BASE.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "repeat", "value", "indent"]))
        if action == "drop":
            del lines[i]
        elif action == "repeat":
            lines.insert(i, lines[i])
        elif action == "value" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {draw(st.sampled_from(SCALARS))}"
        else:
            lines[i] = " " + lines[i]
        if not lines:
            break
    return "\n".join(lines) + "\n"


@SETTINGS
@given(edited_profiles())
def test_edits_of_the_bundled_profile_load_or_are_a_profile_error(tmp_path, text):
    _reads(profile(tmp_path, text))


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=12)
    | st.sampled_from(SCALARS),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(WORDS), inner, max_size=4),
    max_leaves=25,
)


@SETTINGS
@given(st.dictionaries(st.sampled_from(["license", "organization", "machine_rooms", "filings", "tags",
                                        "filing_reference_pattern"]), JSONISH, max_size=6))
def test_any_data_in_the_profile_fields_loads_or_is_a_profile_error(tmp_path, data):
    _reads(profile(tmp_path, yaml.safe_dump(data, allow_unicode=True)))


@SETTINGS
@given(st.sampled_from(SCALARS), st.sampled_from([
    "  issued: 2024-09-10", "  expires: 2029-07-25", "  renewal_notice_days: 90", "  number: B1-20195402",
    'filing_reference_pattern: "^[A-Z]{2,}-[0-9]{4}-[0-9]{3,}$"']))
def test_any_value_in_a_known_field_loads_or_is_a_profile_error(tmp_path, value, line):
    key = line.split(":", 1)[0]
    _reads(profile(tmp_path, BASE.replace(line, f"{key}: {value}")))
