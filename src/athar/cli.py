"""The ``athar`` command line: thin verbs over the library.

Data goes to stdout, progress and logs to stderr. An :class:`AtharError`
becomes a one-line message and exit status 1; bad usage exits with 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from athar.errors import AtharError

log = logging.getLogger("athar")

EXAMPLES = {
    "build": "athar build data/corpus --store ./athar-store",
    "events": "athar events -f json > events.json",
    "query": "athar query liberations -f table   |   athar query -e 'SELECT * WHERE { ?s ?p ?o } LIMIT 5'",
    "viz": "athar viz -o graph.html --lang en",
    "export": "athar export -f trig -o athar.trig",
    "evaluate": "athar evaluate tests/data/gold/seed.yaml data/corpus/baghuz-one-year.ar.txt",
    "queries": "athar queries",
    "stats": "athar stats --top 5 -f json",
    "validate": "athar validate --store ./athar-store -f table",
    "docs": "athar docs -o docs/ontology",
}


def _store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", metavar="PATH", default=None,
                   help="the on-disk store (default: $ATHAR_STORE or ./athar-store)")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="athar",
        description="athar (أثر): Arabic news on conflict and recovery as a linked knowledge graph.",
        epilog="Example: athar build data/corpus && athar query liberations",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress or log lines on stderr")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging on stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, description=help_text,
                              epilog=f"Example: {EXAMPLES[name]}",
                              formatter_class=argparse.RawDescriptionHelpFormatter)

    p = add("build", "Extract entities, events and evidence from documents and load them into the store.")
    p.add_argument("paths", nargs="*", default=["data/corpus"], metavar="DOC|DIR",
                   help="text files or directories of them (default: data/corpus)")
    p.add_argument("--reason", action="store_true",
                   help="also materialize what the ontology implies (OWL 2 RL) into the inferred graph")
    _store_arg(p)

    p = add("events", "Print the events table: one row per event or relation, with roles and evidence.")
    p.add_argument("-f", "--format", default="table", choices=("table", "csv", "tsv", "json", "acled"),
                   help="acled: CSV in ACLED's column layout, for the events ACLED would record")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    _store_arg(p)

    p = add("query", "Run a saved query by name, a .rq file, or SPARQL given with -e.")
    p.add_argument("name", nargs="?", metavar="NAME|FILE.rq")
    p.add_argument("-e", "--expr", metavar="SPARQL", help="the SPARQL text itself")
    p.add_argument("-f", "--format", default="table", choices=("table", "csv", "tsv", "json"))
    p.add_argument("-o", "--output", metavar="FILE")
    _store_arg(p)

    p = add("queries", "List the saved queries with their questions in English and Arabic.")

    p = add("stats", "Analyse the graph with networkx: counts by class and role, the most central actors and places.")
    p.add_argument("-f", "--format", default="table", choices=("table", "json"))
    p.add_argument("--top", type=int, default=10, help="how many central entities to list (default: 10)")
    _store_arg(p)

    p = add("viz", "Write the graph as a self-contained interactive HTML page (works offline).")
    p.add_argument("-o", "--output", default="athar-graph.html", metavar="FILE")
    p.add_argument("--lang", default="ar", choices=("ar", "en"), help="label language (default: ar)")
    _store_arg(p)

    p = add("export", "Serialize the whole store (all named graphs) as RDF.")
    p.add_argument("-f", "--format", default="trig", choices=("ttl", "trig", "nq", "jsonld"))
    p.add_argument("-o", "--output", metavar="FILE")
    _store_arg(p)

    p = add("evaluate", "Score extraction against a gold file (recall of core and all facts, misses, extras).")
    p.add_argument("gold", metavar="GOLD.yaml")
    p.add_argument("docs", nargs="+", metavar="DOC")
    p.add_argument("-f", "--format", default="table", choices=("table", "json"))

    p = add("validate", "Check every document graph against the SHACL shapes (exit 1 on violations).")
    p.add_argument("-f", "--format", default="table", choices=("table", "ttl"),
                   help="table of findings, or the SHACL validation report as Turtle")
    p.add_argument("-o", "--output", metavar="FILE")
    _store_arg(p)

    p = add("docs", "Write HTML documentation of the ontology (Arabic and English) with a class diagram.")
    p.add_argument("-o", "--output", default="docs/ontology", metavar="DIR")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.ERROR if args.quiet else logging.WARNING,
                        format="athar: %(message)s", stream=sys.stderr)
    try:
        return _COMMANDS[args.command](args) or 0
    except AtharError as e:
        print(f"athar {args.command}: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("athar: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug, not bad input: still one line, the traceback with -v
        log.debug("internal error", exc_info=True)
        print(f"athar {args.command}: internal error: {type(e).__name__}: {e} (run with -v for details)",
              file=sys.stderr)
        return 70


def _store(args, read_only: bool = False):
    from athar.graph.store import Store, default_store_path

    return Store(args.store or default_store_path(), read_only=read_only)


def _emit(text: str, output: str | None) -> None:
    if output:
        from athar.errors import RenderError

        try:
            Path(output).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        except OSError as e:
            raise RenderError(f"{output}: cannot write ({e.strerror or e})") from e
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _progress(args):
    if args.quiet:
        return None
    return lambda path: print(f"reading {path}", file=sys.stderr)


def cmd_build(args) -> int:
    from athar.graph.ingest import build

    with _store(args) as store:
        report = build(store, args.paths, progress=_progress(args))
        if args.reason:
            from athar.graph.reason import reason

            inferred = reason(store)
            if not args.quiet:
                print(f"reasoning: {inferred} triples inferred", file=sys.stderr)
        total = len(store)
    print(f"documents: {report.documents}  entities: {report.entities}  events: {report.events}  "
          f"relations: {report.relations}  triples added: {report.triples}  store triples: {total}")
    for err in report.errors:
        print(f"athar build: error: {err}", file=sys.stderr)
    return 1 if report.errors else 0


def cmd_events(args) -> int:
    from athar.use.query import events, events_table, format_table

    if args.format == "acled":
        from athar.use.acled import acled_events, format_acled

        with _store(args, read_only=True) as store:
            rows = acled_events(store)
        _emit(format_acled(rows), args.output)
        return 0
    with _store(args, read_only=True) as store:
        records = events(store)
    if args.format == "json":
        _emit(json.dumps(records, ensure_ascii=False, indent=2), args.output)
    else:
        _emit(format_table(events_table(records), args.format), args.output)
    return 0


def cmd_query(args) -> int:
    from athar.errors import QueryError
    from athar.use.query import format_table, resolve_query, run_select

    if bool(args.name) == bool(args.expr):
        raise QueryError("give a saved query NAME, a FILE.rq, or -e SPARQL (one of them)")
    sparql = args.expr if args.expr else resolve_query(args.name).text
    with _store(args, read_only=True) as store:
        table = run_select(store, sparql)
    _emit(format_table(table, args.format), args.output)
    return 0


def cmd_queries(args) -> int:
    from athar.use.query import saved_queries

    for q in saved_queries():
        print(f"{q.name}\n    {q.question_en}\n    {q.question_ar}")
    return 0


def cmd_viz(args) -> int:
    from athar.use.viz import render_html

    with _store(args, read_only=True) as store:
        path = render_html(store, Path(args.output), lang=args.lang)
    if not args.quiet:
        print(f"wrote {path.resolve()}", file=sys.stderr)
    print(str(path.resolve()))
    return 0


def cmd_export(args) -> int:
    with _store(args, read_only=True) as store:
        data = store.serialize(args.format)
    if args.output:
        _emit(data, args.output)
    else:
        sys.stdout.write(data)
    return 0


def cmd_evaluate(args) -> int:
    from athar.use.evaluate import evaluate_files, format_report

    report = evaluate_files(Path(args.gold), [Path(d) for d in args.docs])
    if args.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return 0


def cmd_validate(args) -> int:
    from athar.graph.validate import validate
    from athar.use.output import format_report

    with _store(args, read_only=True) as store:
        report = validate(store)
    _emit(format_report(report, args.format), args.output)
    return 0 if report.conforms else 1


def cmd_docs(args) -> int:
    from athar.use.docs import write_docs

    path = write_docs(Path(args.output))
    print(f"wrote {path}", file=sys.stderr)
    return 0


def cmd_stats(args) -> int:
    from athar.use.analytics import build_network, summarize

    with _store(args, read_only=True) as store:
        summary = summarize(build_network(store), top=args.top)
    if args.format == "json":
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    print(f"nodes: {summary['nodes']}  edges: {summary['edges']}  documents: {len(summary['documents'])}")
    print("by class: " + ", ".join(f"{c} {n}" for c, n in summary["classes"].items()))
    for key, title in (("degree_centrality", "most connected"), ("betweenness", "most between")):
        print(f"\n{title}:")
        for e in summary.get(key, []):
            print(f"  {e['score']:.3f}  {e['label_en'] or ''} / {e['label_ar'] or ''} ({e['cls']})")
    return 0


_COMMANDS = {
    "build": cmd_build, "events": cmd_events, "query": cmd_query, "queries": cmd_queries,
    "viz": cmd_viz, "export": cmd_export, "evaluate": cmd_evaluate, "stats": cmd_stats,
    "validate": cmd_validate, "docs": cmd_docs,
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
