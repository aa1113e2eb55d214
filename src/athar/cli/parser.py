"""The command line's grammar: its verbs, their options and an example of each."""

from __future__ import annotations

import argparse

EXAMPLES = {
    "build": "athar build data/corpus --store ./athar-store --jobs 2   |   athar build out/graphs/  (what extract wrote)",
    "extract": "athar extract data/corpus -o out/graphs/ --jobs 2   |   athar extract news/ -o /shared/graphs --dask tcp://scheduler:8786",
    "remove": "athar remove corpus/baghuz-one-year.ar.txt   |   athar remove data/corpus/baghuz-one-year.ar.txt",
    "events": "athar events --columns type,date,victim,evidence   |   athar events -f json > events.json",
    "query": "athar query liberations -f table   |   athar query by-place --param place=الرقة --inferred   |   "
             "athar query -e 'SELECT * WHERE { ?s ?p ?o } LIMIT 5' --timeout 10",
    "viz": "athar viz --lang en        (writes out/athar-graph.en.html; -o FILE to choose)   |   "
           "athar viz --around الرقة --depth 2 --png raqqa.png   |   athar viz --query liberations --timeline t.png",
    "export": "athar export -f trig -o athar.trig   |   athar export -f graphml -o athar.graphml",
    "evaluate": "athar evaluate tests/data/gold/seed.yaml data/corpus/baghuz-one-year.ar.txt",
    "queries": "athar queries",
    "stats": "athar stats --top 5 -f json   |   athar stats --path التحالف 'Tabqa Hospital'",
    "validate": "athar validate --store ./athar-store -f table",
    "docs": "athar docs -o docs/ontology",
    "serve": "athar serve --port 8000    (then open http://127.0.0.1:8000/; SPARQL at /sparql)",
    "link": "athar link   (offline: the shipped, verified ids)   |   athar link --online   |   "
            "athar link --endpoint http://127.0.0.1:7878/query --cache /tmp/athar-links",
}


def _common_options(store: bool) -> argparse.ArgumentParser:
    """-q/-v (and --store) for a verb, so they read the same before or after it.

    Their defaults are suppressed here and set once on the top parser: a verb's own
    default would otherwise overwrite what was given before the verb.
    """
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                        help="no progress or log lines on stderr")
    parent.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="debug logging on stderr")
    if store:
        parent.add_argument("--store", metavar="PATH|URL|FILE.toml", default=argparse.SUPPRESS,
                            help="the store: a folder (default: $ATHAR_STORE or ./athar-store), a SPARQL "
                                 "server's http(s):// URL, or a .toml file naming its endpoints (README: "
                                 "'A remote store'; credentials from $ATHAR_STORE_USER, $ATHAR_STORE_PASSWORD)")
    return parent


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="athar",
        description="athar (أثر): Arabic news on conflict and recovery as a linked knowledge graph.",
        epilog="Example: athar build data/corpus && athar query liberations",
        parents=[_common_options(store=True)],
    )
    parser.set_defaults(quiet=False, verbose=False, store=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    with_store, without_store = [_common_options(store=True)], [_common_options(store=False)]

    def add(name: str, help_text: str, store: bool = True) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text,
                              epilog=f"Example: {EXAMPLES[name]}", parents=with_store if store else without_store,
                              formatter_class=argparse.RawDescriptionHelpFormatter)

    p = add("build", "Extract entities, events and evidence from documents and load them into the store.")
    p.add_argument("paths", nargs="*", default=["data/corpus"], metavar="DOC|DIR",
                   help="text files or directories of them (default: data/corpus)")
    p.add_argument("--reason", action="store_true",
                   help="also materialize what the ontology implies (OWL 2 RL) into the inferred graph")
    # corpus ingest (issue 12): parallel reading, the map step, removal
    p.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                   help="worker processes reading documents (default: the number of cores; 1: in this process)")
    p.add_argument("--keep-missing", action="store_true",
                   help="keep the documents an earlier build read from a folder given here and that are no longer "
                        "in it (dropped by default)")
    p = add("extract", "The map step: write each document's named graph as one N-Quads file under OUT/ "
            "('athar build OUT/' loads them); unchanged documents are not read again.", store=False)
    p.add_argument("paths", nargs="+", metavar="DOC|DIR")
    p.add_argument("-o", "--output", required=True, metavar="OUT/", help="the folder of N-Quads files")
    p.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                   help="worker processes (default: the number of cores; with --dask local, the cluster's workers)")
    p.add_argument("--dask", metavar="SCHEDULER|local",
                   help="run on a Dask cluster (tcp://host:8786), or 'local' for one of worker processes here")
    p.add_argument("--keep-missing", action="store_true",
                   help="keep the graph files of documents no longer in a folder given here (deleted by default)")
    p = add("remove", "Remove documents from the store: by identity (corpus/report.txt), file, folder or graph IRI.")
    p.add_argument("docs", nargs="+", metavar="DOC")

    p = add("events", "Print the events table: one row per event or relation, with roles and evidence.")
    p.add_argument("-f", "--format", default="table", choices=("table", "csv", "tsv", "json", "acled"),
                   help="table: the key columns, fitted to the terminal; csv, tsv: every column; "
                        "json: one record per event; acled: CSV in ACLED's column layout")
    p.add_argument("--columns", metavar="A,B,C",
                   help="the columns of a table, CSV or TSV, from: " + ", ".join(_event_column_names()))
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")

    p = add("query", "Run a saved query by name, a .rq file, or SPARQL given with -e.")
    p.add_argument("name", nargs="?", metavar="NAME|FILE.rq")
    p.add_argument("-e", "--expr", metavar="SPARQL", help="the SPARQL text itself")
    p.add_argument("-f", "--format", default="table", choices=("table", "csv", "tsv", "json"),
                   help="json, csv, tsv: the SPARQL 1.1 query results formats")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="stop the query after this many seconds (default: 30)")
    p.add_argument("--allow-service", action="append", default=[], metavar="URL",
                   help="an endpoint SERVICE may call (none by default; give it once per endpoint)")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a parameter the saved query declares: an entity's Arabic or English label (athar queries lists them)")
    p.add_argument("--inferred", action="store_true",
                   help="also read what 'athar build --reason' inferred (left out by default)")
    p.add_argument("--limit", type=int, metavar="N",
                   help="one page: the rows of the next N events (N rows for a query not paged by a key)")
    p.add_argument("--after", metavar="KEY", help="the page after KEY (the key the last page named)")
    p.add_argument("--all", action="store_true",
                   help="the whole answer as a table too (a listing query shows its first 100 events there)")

    add("queries", "List the saved queries with their questions in English and Arabic.", store=False)

    p = add("stats", "Analyse the graph with networkx: events per class, place and actor, the most central actors "
            "and places, communities, components, the timeline by month; or the path between two entities.")
    p.add_argument("-f", "--format", default="table", choices=("table", "json"))
    p.add_argument("--top", type=int, default=10, help="how many actors and places to list (default: 10)")
    p.add_argument("--events", default="edges", choices=("edges", "nodes"),
                   help="events as edges between their participants (default) or as nodes")
    p.add_argument("--samples", type=int, metavar="K",
                   help="estimate betweenness from K sampled sources (default: exact up to 1,000 nodes)")
    p.add_argument("--path", nargs=2, metavar=("FROM", "TO"),
                   help="the shortest path between two entities (Arabic or English labels) with its evidence")
    p.add_argument("--no-cache", action="store_true",
                   help="compute the report again (default: the report kept for the same store content is given back)")

    p = add("viz", "Write the graph as a self-contained interactive HTML page (works offline).")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="default: out/athar-graph.html (out/athar-graph.en.html with --lang en)")
    p.add_argument("--lang", default="ar", choices=("ar", "en"), help="label language (default: ar)")
    p.add_argument("--map", action="store_true",
                   help="a map instead: one marker per linked place with events (run 'athar link' first); "
                        "default out/athar-map.html")
    p.add_argument("--query", metavar="NAME|FILE.rq", help="draw a saved query's or a file's answer (SELECT or CONSTRUCT)")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a parameter of --query")
    p.add_argument("--around", metavar="ENTITY", help="draw the neighbourhood of one entity (Arabic or English label)")
    p.add_argument("--depth", type=int, default=2, help="links from --around's entity (default: 2)")
    p.add_argument("--layout", default="events", choices=("events", "actors"),
                   help="events: events as small nodes, roles as edges (default); actors: actor -> target edges")
    p.add_argument("--overview", default="auto", choices=("auto", "on", "off"),
                   help="open on an overview by class (auto: above 400 nodes)")
    p.add_argument("--png", metavar="FILE", help="also render the page as a PNG in headless Chromium")
    p.add_argument("--timeline", metavar="FILE.png", help="also draw the events per month as a PNG chart")
    cut = p.add_mutually_exclusive_group()
    cut.add_argument("--top", type=int, metavar="N", help="draw the N actors and places of the most events, "
                     "linked by the events they share (default above 2,000 events: 100; the page says what is left out)")
    cut.add_argument("--all", action="store_true", help="draw the whole graph however large the store")

    p = add("export", "Serialize the whole store (all named graphs) as RDF, or its network as GraphML or GEXF.")
    p.add_argument("-f", "--format", default="trig", choices=("ttl", "trig", "nq", "jsonld", "graphml", "gexf"),
                   help="graphml, gexf: the network for Gephi, labels in Arabic and English as attributes")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--events", default="edges", choices=("edges", "nodes"),
                   help="graphml, gexf: events as edges between their participants (default) or as nodes")
    p.add_argument("--with-sources", action="store_true",
                   help="also write aid:graph/sources (the file each document was read from: this machine's "
                        "paths; left out by default)")

    p = add("evaluate", "Score extraction against a gold file: recall (core and all facts), precision, a table "
            "per event class, misses, wrong roles and extras. A hit needs the type, overlapping evidence, the "
            "gold's date and amount, and its agent, target and place (--types: type, evidence, date, amount).",
            store=False)
    p.add_argument("gold", metavar="GOLD.yaml")
    p.add_argument("docs", nargs="+", metavar="DOC")
    p.add_argument("-f", "--format", default="table", choices=("table", "json"))
    p.add_argument("--types", action="store_true", help="score types, evidence, dates and amounts, not roles")

    p = add("validate", "Check every document graph against the SHACL shapes (exit 1 on violations).")
    p.add_argument("-f", "--format", default="table", choices=("table", "ttl"),
                   help="table of findings, or the SHACL validation report as Turtle")
    p.add_argument("-o", "--output", metavar="FILE")
    p.add_argument("--engine", choices=("fast", "pyshacl"), default=None,
                   help="fast: the shapes compiled into SPARQL, all graphs at once (default for -f table); "
                        "pyshacl: the reference, graph by graph (always used for -f ttl)")
    p.add_argument("--all", action="store_true", dest="every",
                   help="check every graph again (by default the fast engine re-checks only the graphs whose "
                        "document changed since the last validation, and keeps the others' findings)")

    p = add("docs", "Write HTML documentation of the ontology (Arabic and English) with a class diagram.",
            store=False)
    p.add_argument("-o", "--output", default="docs/ontology", metavar="DIR")

    p = add("serve", "Serve the store over HTTP: a SPARQL 1.1 endpoint at /sparql, a query page, entity pages.")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--timeout", type=float, default=30.0, help="seconds a query may run (default: 30)")
    p.add_argument("--max-rows", type=int, default=10_000, help="rows an answer may have (default: 10000)")
    p.add_argument("--allow-update", action="store_true",
                   help="accept SPARQL Update with 'Authorization: Bearer $ATHAR_UPDATE_TOKEN'")
    p.add_argument("--allow-service", action="append", default=[], metavar="URL",
                   help="an endpoint SERVICE may call (repeat for more; default: none)")
    # -- link (issue 14): Wikidata first; sources are configured in links/sources.toml
    p = add("link", "Link the store's actors, places, facilities and persons to Wikidata (or another "
            "configured source): owl:sameAs or skos:closeMatch with PROV, and enrichment, in named graphs.")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--offline", action="store_true",
                       help="the default: only the identifiers shipped with athar (each confirmed by public sources)")
    where.add_argument("--online", action="store_true", help="ask the source's configured SPARQL endpoint")
    where.add_argument("--endpoint", metavar="URL", help="ask this SPARQL endpoint (implies --online)")
    p.add_argument("--source", default="wikidata", metavar="NAME",
                   help="a [source.NAME] of the configuration (wikidata, dbpedia, or your own; default: wikidata)")
    p.add_argument("--config", metavar="FILE.toml", help="your sources and settings, laid over athar's")
    p.add_argument("--cache", metavar="DIR", help="where answers are kept (default: ~/.cache/athar/links)")
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="for one request (default: 20)")
    return parser


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of processes (1 or more)")
    return int(text)


def _event_column_names() -> list[str]:
    from athar.use.query import EVENT_COLUMNS, KEY_COLUMNS

    return list(dict.fromkeys((*KEY_COLUMNS, *EVENT_COLUMNS)))
