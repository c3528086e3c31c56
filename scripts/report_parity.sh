#!/usr/bin/env bash
# Behaviour parity between two revisions: index FA-KES and the bundled seeds with the code of
# OLD_REV (default: main's first parent) and of the working tree, write each one's JSON and
# Markdown reports, the `compare` verdicts of the annotated dev pairs and a `check` of 20
# FA-KES articles against an index of the rest, then print sha256 sums and a diff summary.
#
#   scripts/report_parity.sh [OLD_REV]      # needs ../shared/data and `make setup`
#
# Old outputs are cached per revision under $PARITY_DIR (default /tmp/checker-parity).
set -euo pipefail
cd "$(dirname "$0")/.."
old_rev=$(git rev-parse "${1:-HEAD~1}")
root=$(pwd)
work=${PARITY_DIR:-/tmp/checker-parity}
data=${SHARED_DATA:-$root/../shared/data}
python=$root/.venv/bin/python
mkdir -p "$work"

# The FA-KES rows a simulated CI check adds (by line), and the rest as the corpus.
split_fakes() {
    local out=$1
    [ -f "$out/corpus.csv" ] && return
    "$python" - "$data/fakes/FA-KES-Dataset.csv" "$out" <<'EOF'
import csv, sys
source, out = sys.argv[1], sys.argv[2]
with open(source, encoding="utf-8", newline="") as handle:
    rows = list(csv.reader(handle))
header, body = rows[0], rows[1:]
checked = set(range(5, len(body), 40))  # 20 articles
for name, keep in (("corpus.csv", lambda i: i not in checked), ("new.csv", lambda i: i in checked)):
    with open(f"{out}/{name}", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(row for i, row in enumerate(body) if keep(i))
EOF
}

# run_side NAME CODE_DIR: every output of the code in CODE_DIR into $work/NAME.
run_side() {
    local name=$1 code=$2 out=$work/$1
    mkdir -p "$out"
    split_fakes "$work"
    local cli=(env PYTHONPATH="$code" HF_HUB_OFFLINE=1 "$python" -c "from checker.cli import app; app()")
    step() {  # step OUTPUT ARGS...: run the checker unless OUTPUT exists (exit 1 = findings)
        local output=$1; shift
        [ -e "$out/$output" ] && return
        (cd "$out" && "${cli[@]}" "$@" || [ $? -eq 1 ])
    }
    step idx/fakes index "$data/fakes/FA-KES-Dataset.csv" --index idx/fakes --quiet
    step fakes.json report --index idx/fakes --format json --out fakes.json --quiet
    step fakes.md report --index idx/fakes --format md --out fakes.md --quiet
    step seeds-raw.json report --format json --out seeds-raw.json --quiet
    sed "s#$code/##g" "$out/seeds-raw.json" > "$out/seeds.json"
    step dev-compare.jsonl compare "$data/annotated/dev.jsonl" --out dev-compare.jsonl
    step dev2-compare.jsonl compare "$data/annotated/dev2.jsonl" --out dev2-compare.jsonl
    step idx/ci index "$work/corpus.csv" --index idx/ci --quiet
    step check.json check "$work/new.csv" --index idx/ci --format json --out check.json --quiet
}

old_code=$work/code-${old_rev:0:12}
if [ ! -d "$old_code" ]; then
    git worktree add --detach "$old_code" "$old_rev" >/dev/null
fi
run_side "old-${old_rev:0:12}" "$old_code"
rm -rf "$work/new"
run_side new "$root"

status=0
for file in fakes.json fakes.md seeds.json dev-compare.jsonl dev2-compare.jsonl check.json; do
    old_sum=$(sha256sum < "$work/old-${old_rev:0:12}/$file" | cut -c1-16)
    new_sum=$(sha256sum < "$work/new/$file" | cut -c1-16)
    if [ "$old_sum" = "$new_sum" ]; then
        echo "same     $file  $new_sum"
    else
        echo "DIFFERS  $file  old $old_sum new $new_sum  ($(diff "$work/old-${old_rev:0:12}/$file" "$work/new/$file" | grep -c '^[<>]') lines)"
        status=1
    fi
done
exit $status
