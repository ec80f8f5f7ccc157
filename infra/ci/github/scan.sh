#!/usr/bin/env bash
# The scan step of permitguard's GitHub Action (action.yml) — also runnable by hand and in tests, with the
# inputs as environment variables: PG_PATHS (space-separated), PG_LICENSE, PG_FORMAT, PG_OUTPUT, PG_BASELINE,
# PG_CHANGED_SINCE, PG_VAR_FILES (space-separated). Writes `exit-code=N` to $GITHUB_OUTPUT and the Markdown
# report to $GITHUB_STEP_SUMMARY when GitHub provides them; never fails itself (the action's last step does,
# after the SARIF upload).
set -uo pipefail
PERMITGUARD=${PERMITGUARD:-permitguard}
read -r -a paths <<<"${PG_PATHS:-.}"
args=(scan "${paths[@]}" --format "${PG_FORMAT:-sarif}" --output "${PG_OUTPUT:-permitguard.sarif}")
[[ -n "${PG_LICENSE:-}" ]] && args+=(--license "$PG_LICENSE")
[[ -n "${PG_BASELINE:-}" ]] && args+=(--baseline "$PG_BASELINE")
[[ -n "${PG_CHANGED_SINCE:-}" ]] && args+=(--changed-since "$PG_CHANGED_SINCE")
if [[ -n "${PG_VAR_FILES:-}" ]]; then
  read -r -a var_files <<<"$PG_VAR_FILES"
  for f in "${var_files[@]}"; do args+=(--var-file "$f"); done
fi
findings=$(mktemp)
args+=(--json-output "$findings")
"$PERMITGUARD" "${args[@]}"
code=$?
echo "exit-code=$code" >>"${GITHUB_OUTPUT:-/dev/null}"
if [[ -n "${GITHUB_STEP_SUMMARY:-}" && $code != 2 ]]; then  # the Markdown report, in the job's summary page
  report=(report "$findings" --format markdown)
  [[ -n "${PG_LICENSE:-}" ]] && report+=(--license "$PG_LICENSE")
  "$PERMITGUARD" "${report[@]}" >>"$GITHUB_STEP_SUMMARY" || true
fi
rm -f "$findings"
exit 0
