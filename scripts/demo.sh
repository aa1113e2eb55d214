#!/usr/bin/env bash
# Set up athar, build the knowledge graph of data/corpus, print the saved queries'
# answers and write the interactive HTML graph.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export ATHAR_STORE=${ATHAR_STORE:-./athar-store}
athar=.venv/bin/athar

$athar build data/corpus
$athar link     # offline: the verified Wikidata ids shipped with athar, and their coordinates
for query in queries/*.rq; do
    name=$(basename "$query" .rq)
    echo
    echo "== $name: $(sed -n 's/^# Question: //p' "$query")"
    echo "   $(sed -n 's/^# السؤال: //p' "$query")"
    if grep -qi '^# *param:' "$query"; then  # by-place, by-actor, the federated-* queries
        echo "   (takes $(sed -n 's/^# *[Pp]aram: *\([A-Za-z_]*\).*/--param \1=.../p' "$query" | tr '\n' ' ')- see athar queries)"
        continue
    fi
    $athar query "$name"
done
echo
html=$($athar -q viz --lang ar)
$athar -q viz --lang en >/dev/null
echo "The interactive graph (Arabic): $html"
echo "The same graph in English:      $(dirname "$html")/athar-graph.en.html"
echo "The events of linked places on a map: $($athar -q viz --map --lang en)"
echo "The store is in $ATHAR_STORE; try: .venv/bin/athar events | less"
