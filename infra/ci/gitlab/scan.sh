#!/usr/bin/env bash
# The script of permitguard's GitLab CI job (.permitguard in permitguard.gitlab-ci.yml) — runnable by hand and in
# tests: scan once (JUnit for the test tab, the findings JSON kept), render GitLab's SAST report from the same
# findings, and exit with the scan's status (0 ok, 1 a mandatory finding, 2 unusable input).
# Variables: PERMITGUARD_PATHS (space-separated), PERMITGUARD_LICENSE, PERMITGUARD_BASELINE,
# PERMITGUARD_CHANGED_SINCE; PERMITGUARD (the command, default `permitguard`).
set -uo pipefail
PERMITGUARD=${PERMITGUARD:-permitguard}
read -r -a paths <<<"${PERMITGUARD_PATHS:-.}"
common=()
[[ -n "${PERMITGUARD_LICENSE:-}" ]] && common+=(--license "$PERMITGUARD_LICENSE")
scan=(scan "${paths[@]}" "${common[@]}" --format junit --output permitguard-junit.xml --json-output permitguard.json)
[[ -n "${PERMITGUARD_BASELINE:-}" ]] && scan+=(--baseline "$PERMITGUARD_BASELINE")
[[ -n "${PERMITGUARD_CHANGED_SINCE:-}" ]] && scan+=(--changed-since "$PERMITGUARD_CHANGED_SINCE")
"$PERMITGUARD" "${scan[@]}"
code=$?
if [[ $code != 2 ]]; then
  "$PERMITGUARD" report permitguard.json "${common[@]}" --format gitlab-sast --output gl-sast-report.json
  [[ $? == 2 ]] && code=2  # the report's own 0/1 repeats the scan's verdict; 2: it could not be written
fi
exit $code
