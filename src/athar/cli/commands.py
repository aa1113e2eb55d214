"""The verbs of the command line: each reads its arguments, calls the library, and prints."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path

from athar.errors import QueryError

def _store_path(args) -> str:
    from athar.graph.store import default_store_path

    return args.store or default_store_path()


def _store(args, read_only: bool = False):
    from athar.graph.location import open_store

    return open_store(_store_path(args), read_only=read_only)


def _emit(text: str, output: str | None) -> None:
    if output:
        from athar.errors import RenderError

        try:
            Path(output).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        except OSError as e:
            raise RenderError(f"{output}: cannot write ({e.strerror or e})") from e
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _width() -> int:
    """The terminal's width when stdout is one, else 100 columns."""
    from athar.use.output import DEFAULT_WIDTH

    if not sys.stdout.isatty():
        return DEFAULT_WIDTH
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns


@contextmanager
def _build_progress(args, files: list, verb: str = "reading"):
    """A rich progress bar on stderr with documents per second and the time left (none with -q or
    when stderr is no terminal); yields the callback, called with the number of documents done."""
    if args.quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True, highlight=False)) as bar:
        task = bar.add_task(f"{verb} documents", total=len(files), rate="")

        def step(done: int) -> None:
            speed = bar.tasks[0].speed
            bar.update(task, completed=done, rate=f"{speed:,.1f} docs/s" if speed else "")

        yield step
        bar.update(task, completed=len(files))


def cmd_build(args) -> int:
    from athar.graph.ingest import collect_paths, ingest_all
    from athar.graph.workers import default_jobs

    errors: list[str] = []
    folders: list = []
    files = collect_paths(args.paths, errors, folders)
    with _store(args) as store:
        with _build_progress(args, files) as progress:
            report = ingest_all(store, files, progress=progress, jobs=args.jobs or default_jobs(), folders=folders,
                                keep_missing=args.keep_missing)
        report.errors[:0] = errors
        if args.reason:
            from athar.graph.reason import reason

            inferred = reason(store)
            if not args.quiet:
                print(f"reasoning: {inferred} triples inferred", file=sys.stderr)
        total = len(store)
    print(f"documents: {report.documents}  entities: {report.entities}  events: {report.events}  "
          f"relations: {report.relations}  triples added: {report.triples}  store triples: {total}"
          + (f"  unchanged (skipped): {report.skipped}" if report.skipped else "")
          + (f"  removed (no longer in their folder): {report.removed}" if report.removed else ""))
    for err in report.errors:
        print(f"athar build: error: {err}", file=sys.stderr)
    return 1 if report.errors else 0


def cmd_extract(args) -> int:
    from athar.graph.cluster import extract_folder
    from athar.graph.ingest import collect_paths
    from athar.graph.workers import default_jobs

    errors: list[str] = []
    folders: list = []
    files = collect_paths(args.paths, errors, folders)
    with _build_progress(args, files) as progress:
        report = extract_folder(files, args.output, jobs=args.jobs or default_jobs(), scheduler=args.dask,
                                progress=progress, folders=folders, keep_missing=args.keep_missing)
    print(f"documents: {report.documents}  triples: {report.triples}  unchanged (skipped): {report.skipped}  "
          f"written under: {args.output}"
          + (f"  removed (no longer in their folder): {report.removed}" if report.removed else ""))
    for err in [*errors, *report.errors]:
        print(f"athar extract: error: {err}", file=sys.stderr)
    return 1 if errors or report.errors else 0


def cmd_remove(args) -> int:
    from athar.graph.ingest import remove

    with _store(args) as store:
        removed, errors = remove(store, args.docs)
    print(f"documents removed: {len(removed)}")
    for err in errors:
        print(f"athar remove: error: {err}", file=sys.stderr)
    return 1 if errors else 0


def cmd_events(args) -> int:
    from athar.use.query import EVENT_COLUMNS, KEY_COLUMNS, event_columns, events, events_table, format_table

    if args.columns and args.format in ("json", "acled"):
        raise QueryError(f"--columns chooses the columns of a table, CSV or TSV, not of {args.format}")
    if args.format == "acled":
        from athar.use.acled import acled_events, format_acled

        with _store(args, read_only=True) as store:
            rows = acled_events(store)
        _emit(format_acled(rows), args.output)
        return 0
    if args.columns:
        columns = event_columns(args.columns)
    else:
        columns = KEY_COLUMNS if args.format == "table" else EVENT_COLUMNS
    if args.format in ("json", "csv", "tsv"):  # streamed: each batch of records written as it is read
        from athar.use.query import events_text, iter_events

        with _store(args, read_only=True) as store:
            _emit_pieces(events_text(iter_events(store), args.format, columns), args.output)
        return 0
    with _store(args, read_only=True) as store:
        records = events(store)
    _emit(format_table(events_table(records, columns), args.format, width=_width(), cut=("evidence",),
                       keep=("type", "date")),
          args.output)
    return 0


def _emit_pieces(pieces, output: str | None) -> None:
    """Text written a piece at a time (to FILE, or stdout), ending in a newline."""
    from athar.errors import RenderError

    try:
        with (open(output, "w", encoding="utf-8") if output else contextlib.nullcontext(sys.stdout)) as out:
            last = "\n"
            for piece in pieces:
                out.write(piece)
                last = piece[-1:] or last
            if last != "\n":
                out.write("\n")
    except OSError as e:
        raise RenderError(f"{output}: cannot write ({e.strerror or e})") from e


def cmd_query(args) -> int:
    from athar.use.query import SCREEN_EVENTS, parse_params, resolve_query, write_query

    if bool(args.name) == bool(args.expr):
        raise QueryError("give a saved query NAME, a FILE.rq, or -e SPARQL (one of them)")
    query = args.expr if args.expr else resolve_query(args.name)
    if args.after is not None and args.limit is None:
        raise QueryError("--after goes with --limit N (a page of the answer)")
    # a listing query's table shows a screen of events, not tens of thousands (--all: the whole);
    # CSV, TSV and JSON stay whole answers for scripts
    screen = args.limit is None and not args.all and args.format == "table" and getattr(query, "page", None) is not None
    # the worker process writes the answer itself (FILE or stdout, whole or not at all): what
    # comes back is what the page is
    page = write_query(_store_path(args), query, args.format, args.output, timeout=args.timeout,
                       allow_service=tuple(args.allow_service), params=parse_params(args.param),
                       inferred=args.inferred, limit=SCREEN_EVENTS if screen else args.limit, after=args.after,
                       width=_width())
    if page is not None and not (screen and page.endswith("last page")):  # what the page is goes to stderr
        print(f"{page} (--limit N --after KEY: the next N; --all: the whole answer)" if screen else page,
              file=sys.stderr)
    return 0


def cmd_queries(args) -> int:
    from athar.use.query import saved_queries

    for q in saved_queries():
        print(f"{q.name}\n    {q.question_en}\n    {q.question_ar}")
        for p in q.params:
            print(f"    --param {p.name}=...  {p.description}")
    return 0


def cmd_viz(args) -> int:
    from athar.use.api import default_drawing
    from athar.use.picture import render_png
    from athar.use.query import parse_params
    from athar.use.viz import draw_timeline, render_html

    if args.map:
        from athar.use.mapview import write_map

        with _store(args, read_only=True) as store:
            path = write_map(store, args.output or f"out/athar-map{'.en' if args.lang == 'en' else ''}.html",
                             lang=args.lang)
        print(str(path.resolve()))
        return 0
    overview = {"auto": None, "on": True, "off": False}[args.overview]
    with _store(args, read_only=True) as store:
        top = args.top
        if top is None and not args.all and not (args.around or args.query or args.layout == "actors"):
            from athar.use.views import CUT_ABOVE, TOP, count_events

            top = TOP if count_events(store) > CUT_ABOVE else None  # a page of 70,000 nodes is not read
        path = render_html(store, Path(args.output) if args.output else default_drawing(args.lang), args.lang,
                           view="actors" if args.layout == "actors" else "whole", around=args.around,
                           depth=args.depth, query=args.query, params=parse_params(args.param) or None,
                           overview=overview, top=top)
        if args.timeline:
            print(str(draw_timeline(store, args.timeline, args.lang).resolve()))
    if args.png:
        print(str(render_png(path, args.png).resolve()))
    print(str(path.resolve()))
    return 0


def cmd_export(args) -> int:
    if args.format in ("graphml", "gexf"):
        with _store(args, read_only=True) as store:
            from athar.use.analytics import asserted
            from athar.use.gephi import export_network

            data = export_network(store, args.format, events=args.events, graphs=asserted(store))
        if args.output:
            _emit(data, args.output)
        else:
            sys.stdout.write(data)
        return 0
    from athar.graph.provenance import SOURCES_GRAPH

    leave_out = () if args.with_sources else (str(SOURCES_GRAPH),)
    with _store(args, read_only=True) as store:
        if not args.output:
            sys.stdout.flush()
            out = getattr(sys.stdout, "buffer", None)
            if out is None:  # a text-only stdout (an embedding program's): the export as text
                buffer = io.BytesIO()
                store.export(args.format, buffer, leave_out=leave_out)
                sys.stdout.write(buffer.getvalue().decode("utf-8"))
                return 0
            store.export(args.format, out, leave_out=leave_out)
            out.flush()
            return 0
        _export_to(store, args.format, Path(args.output), leave_out)
    return 0


def _export_to(store, fmt: str, path: Path, leave_out) -> None:
    """Write the export beside ``path`` and move it into place once whole: a failed export
    (a full disk, a dropped connection to a remote store) leaves no truncated file behind."""
    from athar.errors import RenderError

    part = path.with_name(path.name + ".part")
    try:
        with open(part, "wb") as out:
            store.export(fmt, out, leave_out=leave_out)
        os.replace(part, path)
    except OSError as e:
        part.unlink(missing_ok=True)
        raise RenderError(f"{path}: cannot write ({e.strerror or e})") from e
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def cmd_evaluate(args) -> int:
    from athar.use.evaluate import evaluate_files, format_report

    report = evaluate_files(Path(args.gold), [Path(d) for d in args.docs], roles=not args.types)
    if args.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return 0


def cmd_validate(args) -> int:
    from athar.graph.validate import validate
    from athar.use.output import format_report

    with _store(args, read_only=True) as store:
        engine = args.engine or ("pyshacl" if args.format == "ttl" else "fast")
        report = validate(store, engine=engine, every=args.every)
    _emit(format_report(report, args.format, width=_width()), args.output)
    return 0 if report.conforms else 1


def cmd_docs(args) -> int:
    from athar.use.docs import write_docs

    path = write_docs(Path(args.output))
    print(f"wrote {path}", file=sys.stderr)
    return 0


def cmd_stats(args) -> int:
    from athar.use import analytics

    with _store(args, read_only=True) as store:
        if args.path:
            steps = analytics.shortest_path(store, *args.path, events=args.events)
            print(json.dumps([vars(s) for s in steps], ensure_ascii=False, indent=2) if args.format == "json"
                  else analytics.format_path(steps))
            return 0
        report = analytics.analyse(store, events=args.events, top=args.top, samples=args.samples,
                                   cache=not args.no_cache)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.format == "json"
          else analytics.format_analysis(report, width=_width()))
    return 0


def cmd_serve(args) -> int:
    from athar.graph.location import is_remote
    from athar.use.server import serve

    if is_remote(_store_path(args)):
        raise QueryError(f"{_store_path(args)}: athar serve serves a store on this machine; a SPARQL server "
                         "is its own endpoint (query it there, or with athar query --store)")

    serve(_store_path(args), args.host, args.port, timeout=args.timeout, max_rows=args.max_rows,
          allow_update=args.allow_update, allow_service=tuple(args.allow_service))
    return 0


def cmd_link(args) -> int:
    from athar.use.link import link_with

    with _store(args) as store:
        report = link_with(store, source=args.source, online=args.online, endpoint=args.endpoint,
                           config=args.config, cache=args.cache, timeout=args.timeout)
    print(report.summary())
    return 0


_COMMANDS = {
    "build": cmd_build, "events": cmd_events, "query": cmd_query, "queries": cmd_queries,
    "viz": cmd_viz, "export": cmd_export, "evaluate": cmd_evaluate, "stats": cmd_stats,
    "validate": cmd_validate, "docs": cmd_docs, "serve": cmd_serve, "link": cmd_link,
    "extract": cmd_extract, "remove": cmd_remove,
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
