#!/usr/bin/env bash
# Instructions executed by athar's full extraction and by pyarabic's tokenization (the floor)
# over the same article-sized documents, counted by valgrind (cachegrind): unlike time, the
# count does not depend on what else the machine is doing, so it can judge a small change.
#
#   bench/instructions.sh [MEGABYTES]      (default 0.25; needs valgrind)
#   bench/instructions.sh cold             (the cold read of bench/extraction.py --cold)
#
# Each count is a run over the documents minus a run that only loads and warms up; with
# "cold", a fresh Language reading each distinct article of data/eval once (its load, the first
# use of every word, the reading), the language's load alone, and the same articles read again
# (warm), each minus a run that only imports athar and reads the files.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-0.25}
py=${PYTHON:-.venv/bin/python}
command -v valgrind >/dev/null || { echo "instructions.sh needs valgrind (apt-get install valgrind)" >&2; exit 2; }
if [ "$mb" = cold ]; then
    code='
import sys
sys.path.insert(0, "bench")
from extraction import cold_articles
docs = cold_articles()
import athar
from athar.read.language import Language
from pyarabic import araby
if sys.argv[1] in ("cold", "twice"):
    lang = Language()
    for _ in range(1 if sys.argv[1] == "cold" else 2):
        for d in docs:
            athar.read(d, lang=lang)
elif sys.argv[1] == "load":
    athar.read("نص", lang=Language())
elif sys.argv[1] == "floor":
    for d in docs:
        araby.tokenize(d.body)
'
    count() {
        valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$py" -c "$code" "$1" 2>&1 \
            | awk '/I *refs/ {gsub(",", "", $4); print $4}'
    }
    base=$(count none)
    cold=$(( $(count cold) - base )); load=$(( $(count load) - base ))
    warm=$(( $(count twice) - base - cold )); floor=$(( $(count floor) - base ))
    echo "cold read of data/eval: $((cold / 1000000)) M instructions (the load $((load / 1000000)) M, the first use of words $(((cold - load - warm) / 1000000)) M, the reading warm $((warm / 1000000)) M); pyarabic tokenize $((floor / 1000000)) M; ratio $(awk -v a="$cold" -v f="$floor" 'BEGIN {printf "%.1f", a / f}')x"
    exit 0
fi
code='
import sys
sys.path.insert(0, "bench")
from extraction import load_articles, repeat_articles
docs = repeat_articles(load_articles(), float(sys.argv[1]))
if sys.argv[2] == "athar":
    from athar.read.pipeline import extract_facts as run
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
