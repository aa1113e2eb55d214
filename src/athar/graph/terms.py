"""The names of athar's ontology terms, the namespaces the graph uses, and the roles.

``PREFIXES`` is the one prefix map (declared in ``athar.graph.prefixes``, with no rdflib, for the
modules that only query the store; re-exported here): every SPARQL string in ``graph/`` and ``use/``
takes its ``PREFIX`` lines from ``sparql_prefixes``, every serializer binds from it,
and ``tests/test_terms.py`` checks it against the ontology files' own ``@prefix``
lines. (The saved queries in ``queries/`` are standalone SPARQL and keep theirs.)

``ROLES`` are the roles the rules fill, the list ``athar.read.rules`` reads
``events.tsv`` against; ``EVENT_ROLES`` adds ``accordingTo``, the claim-maker the
attribution fills (both declared in ``athar.read.roles``). A test checks each is a role
property of the ontology.

``ATHAR`` lists every term that ``ontology/athar.ttl`` declares, no more and
no less (``tests/test_ontology.py`` checks both directions). It is closed:
``ATHAR.Liberaton`` raises ``AttributeError`` instead of minting a new IRI.

Nothing is parsed at import time; ``ONTOLOGY_PATH`` only says where the file is.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

from athar.graph.prefixes import PREFIXES, sparql_prefixes
from athar.read.roles import EVENT_ROLES, ROLES

__all__ = [
    "AID",
    "ATHAR",
    "EVENT_ROLES",
    "MAPPINGS_GRAPH",
    "MAPPINGS_PATH",
    "NIF",
    "ONTOLOGY_GRAPH",
    "ONTOLOGY_IRI",
    "ONTOLOGY_PATH",
    "PREFIXES",
    "ROLES",
    "SEM",
    "SHAPES_PATH",
    "WD",
    "sparql_prefixes",
]

AID = Namespace(PREFIXES["aid"])
NIF = Namespace(PREFIXES["nif"])
SEM = Namespace(PREFIXES["sem"])
WD = Namespace(PREFIXES["wd"])

ONTOLOGY_IRI = URIRef("https://w3id.org/athar/ontology")
# The ontology is loaded into a named graph of the same name as the ontology.
ONTOLOGY_GRAPH = ONTOLOGY_IRI
# SKOS mappings of athar's classes to ACLED and CAMEO, in a named graph of their own.
MAPPINGS_GRAPH = AID["graph/mappings"]
# Package data (the top-level ontology/ is its editable source, linked into the package):
# importlib.resources finds it in a checkout, an editable install and a wheel alike.
ONTOLOGY_DIR = Path(str(resources.files("athar.graph") / "ontology"))
ONTOLOGY_PATH = ONTOLOGY_DIR / "athar.ttl"
MAPPINGS_PATH = ONTOLOGY_DIR / "mappings.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"


class ATHAR(DefinedNamespace):
    """Terms of the athar ontology, ``https://w3id.org/athar/ontology#``."""

    _NS = Namespace(PREFIXES["athar"])
    _fail = True

    # Agents
    Actor: URIRef
    Organization: URIRef
    ArmedGroup: URIRef
    Coalition: URIRef
    ArmedForce: URIRef
    GovernmentBody: URIRef
    InternationalOrganization: URIRef
    MediaOutlet: URIRef
    Person: URIRef
    Group: URIRef

    # Places
    Place: URIRef
    Country: URIRef
    Region: URIRef
    Governorate: URIRef
    District: URIRef
    City: URIRef
    Town: URIRef
    Village: URIRef
    Camp: URIRef
    River: URIRef
    Dam: URIRef
    Facility: URIRef
    Hospital: URIRef
    School: URIRef
    ChildrenCentre: URIRef
    PowerStation: URIRef
    Road: URIRef
    Mosque: URIRef
    MilitaryBase: URIRef
    Bridge: URIRef
    Materiel: URIRef
    Programme: URIRef

    # Events
    Event: URIRef
    ConflictEvent: URIRef
    RecoveryEvent: URIRef
    Movement: URIRef
    PoliticalEvent: URIRef
    Situation: URIRef
    Liberation: URIRef
    TerritorialControl: URIRef
    Battle: URIRef
    Attack: URIRef
    Killing: URIRef
    Arrest: URIRef
    Abduction: URIRef
    Destruction: URIRef
    MilitaryOperation: URIRef
    Reconstruction: URIRef
    Establishment: URIRef
    Training: URIRef
    Funding: URIRef
    FundingAppeal: URIRef
    Demining: URIRef
    ServiceProvision: URIRef
    Sponsorship: URIRef
    Return: URIRef
    Displacement: URIRef
    Departure: URIRef
    Escape: URIRef
    Dispersal: URIRef
    Redeployment: URIRef
    Withdrawal: URIRef
    Handover: URIRef
    Meeting: URIRef
    Mediation: URIRef
    Statement: URIRef
    Suspension: URIRef
    Population: URIRef

    # Provenance and values
    Document: URIRef
    Evidence: URIRef
    Amount: URIRef
    RelationStatement: URIRef
    Bound: URIRef
    Modality: URIRef

    # Named individuals
    BoundScheme: URIRef
    Exact: URIRef
    MoreThan: URIRef
    AtLeast: URIRef
    AtMost: URIRef
    LessThan: URIRef
    About: URIRef
    ModalityScheme: URIRef
    Asserted: URIRef
    Negated: URIRef
    Planned: URIRef
    Ongoing: URIRef

    # Object properties: roles
    agent: URIRef
    target: URIRef
    place: URIRef
    origin: URIRef
    destination: URIRef
    beneficiary: URIRef
    supporter: URIRef
    recipient: URIRef
    victim: URIRef
    participant: URIRef
    trainee: URIRef
    accordingTo: URIRef

    # Object properties: values, provenance, relations, shortcuts
    amount: URIRef
    bound: URIRef
    modality: URIRef
    evidence: URIRef
    mentionedIn: URIRef
    locatedIn: URIRef
    contains: URIRef
    leaderOf: URIRef
    ledBy: URIRef
    spokespersonOf: URIRef
    memberOf: URIRef
    liberated: URIRef
    rebuilt: URIRef
    trained: URIRef

    # Datatype properties
    date: URIRef
    datePrecision: URIRef
    dateQualifier: URIRef
    dateAnchor: URIRef
    endDate: URIRef
    duration: URIRef
    value: URIRef
    unit: URIRef
    vague: URIRef
    words: URIRef
    trigger: URIRef
    sentence: URIRef
    implied: URIRef
    fileName: URIRef
    contentHash: URIRef
    extractedBy: URIRef
    wikidata: URIRef
    confidence: URIRef
    labelIsGuess: URIRef
    roleLabel: URIRef

