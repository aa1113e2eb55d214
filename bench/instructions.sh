#!/usr/bin/env bash
# Instructions executed by athar's full extraction and by pyarabic's tokenization (the floor)
# over the same article-sized documents, counted by valgrind (cachegrind): unlike time, the
# count does not depend on what else the machine is doing, so it can judge a small change.
#
#   bench/instructions.sh [MEGABYTES]      (default 0.25; needs valgrind)
#
# Each count is a run over the documents minus a run that only loads and warms up.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-0.25}
py=${PYTHON:-.venv/bin/python}
command -v valgrind >/dev/null || { echo "instructions.sh needs valgrind (apt-get install valgrind)" >&2; exit 2; }
code='
import sys
sys.path.insert(0, "bench")
from extraction import load_articles, repeat_articles
docs = repeat_articles(load_articles(), float(sys.argv[1]))
if sys.argv[2] == "athar":
    from athar.read.facts import extract_facts as run
    body = False
else:
    from pyarabic.araby import tokenize as run
    body = True
for d in docs[:4]:
    run(d.body if body else d)
if sys.argv[3] == "run":
    for d in docs:
        run(d.body if body else d)
'
count() {
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$py" -c "$code" "$mb" "$1" "$2" 2>&1 \
        | awk '/I *refs/ {gsub(",", "", $4); print $4}'
}
floor=$(( $(count floor run) - $(count floor warm) ))
athar=$(( $(count athar run) - $(count athar warm) ))
echo "over ${mb} MB: floor (pyarabic tokenize) $((floor / 1000000)) M instructions; athar extract_facts $((athar / 1000000)) M; ratio $(awk -v a="$athar" -v f="$floor" 'BEGIN {printf "%.1f", a / f}')x"
