"""The ``athar`` command line: thin verbs over the library.

Data goes to stdout, progress and logs to stderr. An :class:`AtharError`
becomes a one-line message and exit status 1; bad usage exits with 2.
``parser.py`` holds the grammar, ``commands.py`` the verbs.
"""

from __future__ import annotations

import logging
import sys
from contextlib import contextmanager

from athar.cli.commands import _COMMANDS
from athar.cli.parser import make_parser
from athar.errors import AtharError

log = logging.getLogger("athar")

__all__ = ["_COMMANDS", "main", "make_parser"]


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    with _logging(args):
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


class _ReportedErrors(logging.Filter):
    """Drops a log line that carries an AtharError: the command prints that error itself, once."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        return not any(isinstance(a, AtharError) for a in args)


@contextmanager
def _logging(args):
    """athar's log lines on stderr while a command runs, at the level -q / -v ask for."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("athar: %(message)s"))
    handler.addFilter(_ReportedErrors())
    level = logging.DEBUG if args.verbose else logging.ERROR if args.quiet else logging.WARNING
    saved = log.level, log.propagate
    log.addHandler(handler)
    log.setLevel(level)
    log.propagate = False
    try:
        yield
    finally:
        log.removeHandler(handler)
        log.setLevel(saved[0])
        log.propagate = saved[1]
