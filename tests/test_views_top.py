"""The top view of `athar viz`: the actors and places of the most events, linked by the events
they share, drawn instead of the whole graph when the store is large (athar.use.views.top_view)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from athar.cli import main
from athar.use import views
from athar.use.network import read_network
from athar.use.viz import render_html

from conftest import DEV, SEED


def _data(path: Path) -> dict:
    page = path.read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S)
    return json.loads(found.group(1))


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("top") / "store")
    assert main(["-q", "build", str(SEED), str(DEV[0]), str(DEV[1]), "--store", path]) == 0
    return path


def test_the_top_view_draws_the_actors_and_places_of_the_most_events(corpus_store, tmp_path):
    net = read_network(corpus_store)
    events = Counter(o for x, o in {(x, o) for x, _, o in net.roles})
    ranked = sorted((e for e in events if net.is_a(net.entities[e], "Actor") or net.is_a(net.entities[e], "Place")),
                    key=lambda e: (-events[e], e))
    data = _data(render_html(corpus_store, tmp_path / "top.html", lang="en", top=6))
    drawn = [n["i"] for n in data["nodes"]]
    assert sorted(drawn) == sorted(ranked[:6])
    assert data["view"] == "top"
    # every line joins two of them through an event both take part in, with that event's words
    shared = {(x, o) for x, _, o in net.roles}
    assert data["edges"]
    for edge in data["edges"]:
        a, b = drawn[edge["f"]], drawn[edge["t"]]
        assert any((x, a) in shared and (x, b) in shared for x in net.events), (a, b)
        assert edge["s"] and all(data["facts"][i]["s"] for i in edge["s"])
    # the title says what was left out
    title = data["title"]["en"]
    assert f"the 6 actors and places of the most events, of {len(net.entities)} entities" in title
    assert "--all" in title and "--all" in data["title"]["ar"]


def test_a_top_of_nothing_is_refused(corpus_store, tmp_path):
    with pytest.raises(Exception, match="--top must be 1 or more"):
        render_html(corpus_store, tmp_path / "top.html", top=0)


def test_viz_draws_the_top_view_of_a_large_store_unless_all(store_path, tmp_path, monkeypatch):
    whole, cut, chosen, everything = (tmp_path / f"{n}.html" for n in ("whole", "cut", "chosen", "all"))
    assert main(["viz", "--store", store_path, "-o", str(whole)]) == 0
    assert _data(whole)["view"] == "whole"  # a small store: all of it
    monkeypatch.setattr(views, "CUT_ABOVE", 10)  # as if it were large
    assert main(["viz", "--store", store_path, "-o", str(cut)]) == 0
    assert _data(cut)["view"] == "top" and len(_data(cut)["nodes"]) <= views.TOP
    assert main(["viz", "--store", store_path, "-o", str(chosen), "--top", "4"]) == 0
    assert len(_data(chosen)["nodes"]) == 4
    assert main(["viz", "--store", store_path, "-o", str(everything), "--all"]) == 0
    assert _data(everything)["nodes"] == _data(whole)["nodes"]
