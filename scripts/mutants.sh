#!/usr/bin/env bash
# Mutation testing of the code whose behaviour is the product's contract (issue 23), with
# cargo-mutants (`cargo install --locked cargo-mutants`). Not part of scripts/test.sh: a full
# run is hours on two cores.
#
#   bash scripts/mutants.sh                      # every group, resuming where the last run ended
#   bash scripts/mutants.sh format query         # some groups (names below)
#   bash scripts/mutants.sh --shard 0/4          # one of four shards of each group
#   bash scripts/mutants.sh --in-diff changes.diff   # the mutants in a diff (CI, a change)
#   bash scripts/mutants.sh --fresh              # forget earlier results and start again
#   bash scripts/mutants.sh --list               # the mutants, without testing them
#
# Each group is a set of source files and the test targets that exercise them: a mutant is
# tested by those targets only, with the fuzz test at FUZZ_CASES inputs per strategy (default
# 64 here). Each group runs as one `cargo mutants --jobs 2 --iterate` (MUTANTS_JOBS=1 for one job
# on a shared machine) into mutants.out/GROUP[-shard-K-of-N]/mutants.out: a mutant caught or
# unviable in an earlier run is skipped, so a run stopped part-way resumes. Each group ends with
# cargo-mutants' own summary line; the script ends with the same line for all the groups run,
# their earlier runs included.
#
# Mutants listed in scripts/mutants-equivalent.txt (file, then the mutation as cargo-mutants
# names it, then `#` and why no test can tell it from the original) are not tested.
#
# Builds go to $CARGO_TARGET_DIR (default target/mutants): one target directory that every
# scratch copy of the tree shares, so the dependencies are built once. The two jobs then take
# turns at cargo's lock on it, and a job's `cargo test` may wait for the other's build: the
# timeout per mutant is therefore fixed, MUTANTS_TIMEOUT seconds (default 180), not derived from
# the unmutated run.
#
# Nothing else may build into that directory while a run goes on: every copy of the tree writes
# the same library file, and cargo judges it fresh by file times, so a mutant's test can run a
# library another build left there (seen: mutants "missed" while the untouched tree was built).
# Two jobs are exposed to the same race; MUTANTS_JOBS=1 gives counts that are the mutants' own.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

# group | files (space-separated globs) | cargo test arguments
GROUPS_TABLE=(
  "format|src/format.rs|--lib --test format --test export --test charts"
  "query|src/query.rs|--lib"
  "data_address|src/data_address.rs|--lib"
  "export|src/export.rs|--lib --test export"
  "lang|src/lang.rs|--lib --test format --test page_shell"
  "state|src/state.rs|--lib"
  "embed|src/embed.rs|--lib --test embed_heights"
  "text|src/charts/text.rs|--lib --test charts"
  "details|src/charts/details.rs|--lib --test charts --test data --test page_coverage --test prerender"
  "rural|src/charts/rural.rs|--lib --test charts --test edited_figures"
  "renovation|src/charts/renovation.rs|--lib --test charts --test edited_figures"
  "layouts|src/charts/clusters.rs src/charts/scale_ladder.rs src/charts/investment.rs src/charts/renewal.rs src/charts/city_check.rs src/charts/display.rs|--lib --test charts --test edited_figures --test prerender --test page_coverage --test page_shell"
  "framed|src/charts/framed.rs|--lib"
  "layout|src/charts/layout.rs src/charts/scene.rs|--lib --test charts --test edited_figures --test export --test page_coverage"
  "data|src/data/*.rs|--lib --test data --test fuzz_data"
)
EQUIVALENT="$REPO_ROOT/scripts/mutants-equivalent.txt"

# The unviable mutants of every run of a group, in GROUP/unviable-all.txt: --iterate lists the
# mutants an earlier run found unviable with the caught ones (previously_caught.txt), and each run
# replaces the last one's unviable.txt, so the totals would count them as caught.
keep_unviable() {
  [ -f "$1/mutants.out/unviable.txt" ] || return 0
  touch "$1/unviable-all.txt"
  sort -u "$1/mutants.out/unviable.txt" "$1/unviable-all.txt" >"$1/unviable-all.tmp"
  mv "$1/unviable-all.tmp" "$1/unviable-all.txt"
}

usage() {
  sed -n '2,33p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  exit "${1:-0}"
}

shard=""
in_diff=""
fresh=0
list=0
selected=()
while [ $# -gt 0 ]; do
  case "$1" in
    --shard) shard="$2"; shift 2 ;;
    --shard=*) shard="${1#--shard=}"; shift ;;
    --in-diff) in_diff="$2"; shift 2 ;;
    --in-diff=*) in_diff="${1#--in-diff=}"; shift ;;
    --fresh) fresh=1; shift ;;
    --list) list=1; shift ;;
    -h|--help) usage 0 ;;
    -*) echo "mutants.sh: unknown option $1" >&2; usage 2 ;;
    *) selected+=("$1"); shift ;;
  esac
done

if ! cargo mutants --version >/dev/null 2>&1; then
  echo "mutants.sh: cargo-mutants is missing: cargo install --locked cargo-mutants" >&2
  exit 2
fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target/mutants}"
export FUZZ_CASES="${FUZZ_CASES:-64}"
if [ -n "$in_diff" ]; then
  in_diff="$(cd "$(dirname "$in_diff")" && pwd)/$(basename "$in_diff")"
fi

# The equivalent mutants as --exclude-re patterns: `FILE:LINE:COL: MUTATION`, any line and column.
exclude_args=()
if [ -f "$EQUIVALENT" ]; then
  while IFS= read -r line; do
    line="${line%%#*}"
    line="$(printf '%s' "$line" | sed 's/[[:space:]]*$//')"
    [ -z "$line" ] && continue
    file="${line%%: *}"
    mutation="${line#*: }"
    escape() { printf '%s' "$1" | sed 's/[][\\.*^$()+?{}|/]/\\&/g'; }
    exclude_args+=(--exclude-re "^$(escape "$file"):[0-9]+:[0-9]+: $(escape "$mutation")\$")
  done <"$EQUIVALENT"
fi

shard_args=()
suffix=""
if [ -n "$shard" ]; then
  shard_args=(--shard "$shard")
  suffix="-shard-${shard%/*}-of-${shard#*/}"
fi

out_dirs=()
for entry in "${GROUPS_TABLE[@]}"; do
  IFS='|' read -r group files test_args <<<"$entry"
  if [ ${#selected[@]} -gt 0 ] && [[ " ${selected[*]} " != *" $group "* ]]; then
    continue
  fi
  file_args=()
  touched=0
  for pattern in $files; do
    file_args+=(--file "$pattern")
    # With --in-diff, only the groups whose files the diff touches.
    if [ -n "$in_diff" ] && grep -qE "^\+\+\+ b/${pattern//\*/[^/]*}\$" "$in_diff"; then
      touched=1
    fi
  done
  if [ -n "$in_diff" ] && [ "$touched" = 0 ]; then
    continue
  fi
  out="$REPO_ROOT/mutants.out/$group$suffix"
  mode=(--iterate)
  if [ -n "$in_diff" ]; then
    out="$REPO_ROOT/mutants.out/in-diff/$group$suffix"
    mode=(--in-diff "$in_diff")
    rm -rf "$out"
  elif [ "$fresh" = 1 ]; then
    rm -rf "$out"
  fi
  mkdir -p "$out"
  step "mutants: $group ($files) tested by: cargo test $test_args"
  args=(mutants --no-shuffle --jobs "${MUTANTS_JOBS:-2}" --timeout "${MUTANTS_TIMEOUT:-180}" --output "$out"
    "${mode[@]}" "${file_args[@]}"
    "${shard_args[@]}" "${exclude_args[@]}")
  if [ "$list" = 1 ]; then
    cargo "${args[@]}" --list
    continue
  fi
  out_dirs+=("$out/mutants.out")
  keep_unviable "$out"
  # cargo-mutants exits 2 when it missed a mutant and 3 on a timeout: the totals say so too.
  # shellcheck disable=SC2086 # test_args is a list of words
  cargo "${args[@]}" -- $test_args || rc=$?
  if [ "${rc:-0}" -ne 0 ] && [ "${rc:-0}" -ne 2 ] && [ "${rc:-0}" -ne 3 ]; then
    echo "mutants.sh: cargo mutants failed for $group (exit $rc)" >&2
    exit "$rc"
  fi
  unset rc
  keep_unviable "$out"
done

[ "$list" = 1 ] && exit 0
if [ ${#out_dirs[@]} -eq 0 ]; then
  echo "mutants.sh: no group to test"
  exit 0
fi

# Totals over the groups run, earlier runs included (--iterate keeps what was caught before in
# previously_caught.txt), in cargo-mutants' own words.
count() {
  local n=0 dir f
  for dir in "${out_dirs[@]}"; do
    for f in "$@"; do
      [ -f "$dir/$f" ] && n=$((n + $(grep -c . "$dir/$f" || true)))
    done
  done
  echo "$n"
}
missed=$(count missed.txt)
caught=$(count caught.txt previously_caught.txt)
unviable=0
for dir in "${out_dirs[@]}"; do
  all="${dir%/mutants.out}/unviable-all.txt"
  [ -s "$all" ] || continue
  unviable=$((unviable + $(grep -c . "$all")))
  if [ -f "$dir/previously_caught.txt" ]; then
    caught=$((caught - $(grep -cxFf "$all" "$dir/previously_caught.txt" || true)))
  fi
done
timeouts=$(count timeout.txt)
tested=$((missed + caught + unviable + timeouts))
viable=$((missed + caught + timeouts))
step "mutants: all groups run (${#out_dirs[@]}), with their earlier runs"
if [ -n "$(cat "${out_dirs[@]/%//missed.txt}" 2>/dev/null)" ]; then
  info "missed (kill it with a test, or list it in scripts/mutants-equivalent.txt with a reason):"
  cat "${out_dirs[@]/%//missed.txt}" 2>/dev/null | sed 's/^/      /'
fi
if [ "$viable" -gt 0 ]; then
  info "caught: $((100 * caught / viable)) % of the $viable viable mutants (the target is 90 %)"
fi
echo "$tested mutants tested in $((SECONDS / 60))m $((SECONDS % 60))s: $missed missed, $caught caught, $unviable unviable, $timeouts timeouts"
