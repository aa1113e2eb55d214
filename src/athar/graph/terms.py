"""The names of athar's ontology terms, and the namespaces the graph uses.

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

__all__ = [
    "AID",
    "ATHAR",
    "MAPPINGS_GRAPH",
    "MAPPINGS_PATH",
    "NIF",
    "ONTOLOGY_GRAPH",
    "ONTOLOGY_IRI",
    "ONTOLOGY_PATH",
    "ROLES",
    "SEM",
    "SHAPES_PATH",
    "WD",
]

AID = Namespace("https://w3id.org/athar/id/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
WD = Namespace("http://www.wikidata.org/entity/")

ONTOLOGY_IRI = URIRef("https://w3id.org/athar/ontology")
# The ontology is loaded into a named graph of the same name as the ontology.
ONTOLOGY_GRAPH = URIRef("https://w3id.org/athar/ontology")
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

    _NS = Namespace("https://w3id.org/athar/ontology#")
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
    Destruction: URIRef
    MilitaryOperation: URIRef
    Reconstruction: URIRef
    Establishment: URIRef
    Training: URIRef
    Funding: URIRef
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
    wikidata: URIRef
    confidence: URIRef


# Role properties from an event to an entity, in the order docs/model.md lists them.
ROLES: tuple[str, ...] = (
    "agent",
    "target",
    "place",
    "origin",
    "destination",
    "beneficiary",
    "supporter",
    "recipient",
    "victim",
    "participant",
    "trainee",
    "accordingTo",
)
