"""The pipeline: a list of components a user can inspect, extend, replace or remove, each reading
the layers of the Doc before it; and the Doc's spans, with offsets into the original text.

What a user checks here: a component of their own sees the layers it reads and adds its data;
a pipeline that would read a layer before it is written is refused with a message that says so;
every span of every layer cuts its own words out of the original text.
"""

from __future__ import annotations

import pytest

import athar
from athar import Component, Pipeline
from athar.errors import PipelineError
from athar.read.language import Language

TEXT = "قُتل 12 مدنياً في قصف على بلدة الباغوز (شرق سوريا)، وحرّرت قوات سوريا الديمقراطية البلدة من تنظيم داعش في 23 آذار 2019."


def test_the_default_components_in_order():
    assert Pipeline().names == ["mentions", "dates", "amounts", "currencies", "triggers", "events", "aims", "repetitions",
                                "relations"]


def test_a_component_of_ones_own_reads_the_facts_and_adds_its_data():
    def count_the_dead(doc):
        doc.extensions["dead"] = sum(f.amount.value for f in doc.facts
                                     if f.type in ("Killing", "Attack") and f.amount is not None)

    pipeline = Pipeline()
    pipeline.add(Component("casualties", reads=("facts",), writes=(), run=count_the_dead), after="relations")
    doc = pipeline(TEXT, published="2019-03-24")
    assert pipeline.names[-1] == "casualties"
    assert doc.extensions["dead"] == 12
    assert "Liberation" in [f.type for f in doc.facts]


def test_a_replaced_component_is_the_one_that_runs():
    pipeline = Pipeline()
    pipeline.replace("relations", Component("relations", ("mentions",), ("facts",), lambda doc: None))
    doc = pipeline(TEXT, published="2019-03-24")
    assert not any(f.relation for f in doc.facts)
    assert any(f.relation for f in athar.read(TEXT, published="2019-03-24").facts)  # locatedIn, by default


def test_without_the_events_component_there_are_no_facts_but_the_relations():
    pipeline = Pipeline()
    pipeline.remove("events")
    doc = pipeline(TEXT, published="2019-03-24")
    assert doc.triggers and all(f.relation for f in doc.facts)


@pytest.mark.parametrize(("edit", "message"), [
    pytest.param(lambda p: p.remove("triggers"), "component 'events' reads \\['triggers'\\]", id="read-before-written"),
    pytest.param(lambda p: p.add(Component("mentions", (), ("mentions",), lambda d: None)), "two components are named",
                 id="name-twice"),
    pytest.param(lambda p: p.add(Component("x", (), ("casualties",), lambda d: None)), "which is no layer",
                 id="unknown-layer"),
    pytest.param(lambda p: p.remove("morphology"), "no component 'morphology'", id="unknown-name"),
    pytest.param(lambda p: p.add(Component("x", (), (), lambda d: None), before="dates", after="events"), "not both",
                 id="before-and-after"),
])
def test_a_pipeline_that_does_not_fit_is_refused_and_left_as_it_was(edit, message):
    pipeline = Pipeline()
    with pytest.raises(PipelineError, match=message):
        edit(pipeline)
    assert pipeline.names == Pipeline().names


@pytest.mark.parametrize("layer", ["mentions", "dates", "amounts", "triggers", "facts"])
def test_every_span_cuts_its_words_out_of_the_original_text(layer):
    doc = athar.read(TEXT, published="2019-03-24")
    spans = doc.spans(layer)
    assert spans
    for span in spans:
        assert doc.text[span.start:span.end] == span.text and span.text.strip() == span.text


def test_spans_of_a_layer_that_has_not_been_read_are_refused():
    doc = Language().make_doc(TEXT)
    with pytest.raises(ValueError, match="'facts' layer is not set"):
        doc.spans("facts")


def test_a_doc_made_without_a_language_says_how_to_make_one():
    from athar.read.mentions import extract_mentions
    from athar.read.text import segment

    with pytest.raises(ValueError, match="Language.make_doc"):
        extract_mentions(segment(TEXT))


def test_published_is_given_once():
    document = athar.parse_document("---\npublished: 2019-03-24\n---\n" + TEXT, "a.txt")
    assert athar.read(document).published == "2019-03-24"
    with pytest.raises(PipelineError, match="given twice"):
        athar.read(document, published="2020-01-01")


def test_the_public_api_is_what_it_means_to_export():
    assert athar.__all__ == sorted(athar.__all__)
    assert {"read", "Doc", "Store", "Pipeline", "Component", "Language", "Fact"} <= set(athar.__all__)
    assert all(hasattr(athar, name) for name in athar.__all__)
    assert callable(athar.read) and athar.Store.__module__ == "athar.use.api"
