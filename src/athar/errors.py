"""Errors raised by athar.

Every error says what went wrong, where, and what to do. The hierarchy::

    AtharError                      (status 500)
    ├── DocumentError (ValueError)  (400)  unreadable, empty, binary or badly encoded input
    ├── LexiconError (ValueError)   (500)  a lexicon table is malformed (names file:line)
    ├── PipelineError (ValueError)  (500)  a pipeline's components do not fit together
    ├── OntologyError (ValueError)  (500)  the ontology or shapes cannot be loaded
    ├── StoreError (OSError)        (503)  the store cannot be opened, read or written
    ├── QueryError (ValueError)     (400)  malformed SPARQL or an unknown saved query
    │   ├── QueryNotFound (LookupError) (404)
    │   └── RequestTooLarge             (413)  a request body over the endpoint's limit
    ├── QueryTimeout (TimeoutError) (503)  a query ran past the time limit
    ├── EndpointBusy                (503)  every query thread of the endpoint is taken
    ├── Forbidden (PermissionError) (403)  an update the endpoint does not allow, or without its token
    ├── RenderError (OSError)       (500)  the HTML graph cannot be written
    ├── LinkError (ConnectionError) (502)  a linking source cannot be reached, refuses, or is misconfigured
    ├── EvaluationError (ValueError) (400) a gold file is malformed
    └── ClusterError (OSError)      (503)  the distributed engine (Dask) cannot be reached or started

Third-party errors are wrapped where they enter athar (``raise X(...) from e``).
"""

from __future__ import annotations


class AtharError(Exception):
    """Root of athar's errors; ``status`` is the HTTP status a server answers with."""

    status = 500


class DocumentError(AtharError, ValueError):
    """A document cannot be read: missing, empty, binary, wrong encoding, bad front matter."""

    status = 400


class LexiconError(AtharError, ValueError):
    """A lexicon table is malformed; the message names file:line."""


class PipelineError(AtharError, ValueError):
    """A pipeline's components do not fit: a layer read before it is written, a name twice."""


class OntologyError(AtharError, ValueError):
    """The ontology or the SHACL shapes cannot be loaded or are inconsistent."""


class StoreError(AtharError, OSError):
    """The RDF store cannot be opened, read or written."""

    status = 503


class QueryError(AtharError, ValueError):
    """A SPARQL query is malformed or cannot be run."""

    status = 400


class QueryNotFound(QueryError, LookupError):
    """No saved query has that name."""

    status = 404


class RequestTooLarge(QueryError):
    """A request body over the endpoint's size limit."""

    status = 413


class QueryTimeout(AtharError, TimeoutError):
    """A query ran past the time limit."""

    status = 503


class EndpointBusy(AtharError):
    """Every query thread of the endpoint is taken; try again later."""

    status = 503


class Forbidden(AtharError, PermissionError):
    """An update the endpoint does not allow, or one without the right token."""

    status = 403


class RenderError(AtharError, OSError):
    """The HTML graph or another output file cannot be written."""


class LinkError(AtharError, ConnectionError):
    """A linking source (a SPARQL endpoint, the snapshot, the linker's configuration) cannot be
    used; the store is left as it was."""

    status = 502


class EvaluationError(AtharError, ValueError):
    """A gold file is malformed or names a document that was not given."""

    status = 400


class ClusterError(AtharError, OSError):
    """The distributed engine that runs the map step (Dask) cannot be reached, started or imported."""

    status = 503
