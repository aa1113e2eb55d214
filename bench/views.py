"""Views of 500, 5,000 and 20,000 nodes: athar's page against pyvis's defaults, side by side.

For each size, one generated graph shaped like ``build_network``'s (entities with Arabic and
English labels, events with a date, two or three roles each, an evidence sentence per role;
the words are generated, no article's facts) is written twice:

- athar: ``athar.use.viz.render_network`` (positions from ``athar.use.layout``, physics off,
  the full view: no overview);
- pyvis: ``Network()`` with its defaults (physics on, stabilization), nodes and edges added
  one by one with the same labels and the sentence as title, written with
  ``cdn_resources="in_line"`` so that it can load offline (its defaults fetch vis-network from a CDN).

Printed per page: generation time, HTML size, and in Chromium (Playwright, network blocked):
time from navigation until the network object exists, until its first drawing, and until it
is interactive: drawn, and the initial stabilization done when physics is on. A page still
not interactive after ``--timeout`` seconds is reported as ">timeout".

    PYTHONPATH=src .venv/bin/python bench/views.py [--sizes 500,5000,20000] [--timeout 180] [--tools athar]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from athar.use.viz import render_network

ENTITY_CLASSES = ["City", "Town", "Village", "ArmedGroup", "Organization", "Person", "Hospital", "School"]
EVENT_CLASSES = ["Liberation", "Attack", "Reconstruction", "Return", "Training", "Funding", "Killing"]
ROLES = ["agent", "place", "target", "beneficiary"]
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"

_HOOK = """
window.__t = {};
function wrap(N) {
  const W = function (...a) {
    const n = new N(...a);
    const say = () => console.log('__t ' + JSON.stringify(window.__t));
    window.__t.created = performance.now();
    window.__t.physics = !!(n.physics && n.physics.physicsEnabled);
    say();
    n.on('afterDrawing', () => { if (!window.__t.drawn) { window.__t.drawn = performance.now(); say(); } });
    n.on('stabilizationIterationsDone', () => {
      if (!window.__t.stabilized) { window.__t.stabilized = performance.now(); say(); } });
    return n;
  };
  W.prototype = N.prototype;
  return W;
}
let _vis;
Object.defineProperty(window, 'vis', {configurable: true, get() { return _vis; }, set(v) {
  _vis = v;
  let _N;  // the bundle fills the object it was given: catch its Network as it is set
  Object.defineProperty(v, 'Network', {configurable: true, enumerable: true,
    get() { return _N; }, set(N) { _N = wrap(N); }});
}});
"""


def generate(n_nodes: int, seed: int = 13) -> nx.MultiDiGraph:
    rnd = random.Random(seed)
    G = nx.MultiDiGraph()
    n_entities = n_nodes * 2 // 5
    weights = [1 / (i + 1) ** 0.8 for i in range(n_entities)]  # a few hubs, a long tail

    def word():
        return "".join(rnd.choice(LETTERS) for _ in range(rnd.randint(3, 7)))

    for i in range(n_entities):
        G.add_node(f"e{i}", kind="entity", cls=rnd.choice(ENTITY_CLASSES), label_ar=f"{word()} {word()}",
                   label_en=f"Entity {i}")
    for j in range(n_nodes - n_entities):
        x = f"v{j}"
        G.add_node(x, kind="event", cls=rnd.choice(EVENT_CLASSES),
                   date=f"{rnd.randint(2014, 2023)}-{rnd.randint(1, 12):02d}")
        sentence = " ".join(word() for _ in range(14)) + "."
        for role, o in zip(ROLES, rnd.choices(range(n_entities), weights, k=rnd.randint(2, 3))):
            G.add_edge(x, f"e{o}", kind="role", role=role, source=x, evidence=sentence[:30], sentence=sentence,
                       document=f"doc-{j % 997}.ar.txt", begin=0, end=30)
    return G


def write_pyvis(G: nx.MultiDiGraph, path: Path) -> None:
    from pyvis.network import Network

    net = Network(cdn_resources="in_line", directed=True)
    for n, d in G.nodes(data=True):
        net.add_node(n, label=d.get("label_ar") or d.get("cls"), title=d.get("cls"))
    for u, v, d in G.edges(data=True):
        net.add_edge(u, v, label=d["role"], title=d["sentence"])
    net.write_html(str(path))


def measure(browser, path: Path, timeout: float) -> dict:
    """Times read from the page's console: a page whose script holds the main thread for
    minutes cannot answer a question, but its messages already sent still arrive."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.add_init_script(_HOOK)
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    seen: dict = {}
    page.on("console", lambda m: seen.update(json.loads(m.text[4:])) if m.text.startswith("__t ") else None)
    out = {"created": None, "drawn": None, "stabilized": None, "interactive": None, "frame": None}
    start = time.perf_counter()
    try:
        page.goto(path.as_uri(), wait_until="commit", timeout=timeout * 1000)
        while time.perf_counter() - start < timeout:
            if seen.get("drawn") and (not seen.get("physics") or seen.get("stabilized")):
                page.evaluate("() => network.getScale()")  # the network answers a call
                # one frame drawn in full (the cost of each pan, zoom or hover), median of five
                out["frame"] = page.evaluate("""() => { const ts = [];
                    for (let k = 0; k < 5; k++) { const t = performance.now(); network.renderer._redraw();
                        ts.push(performance.now() - t); }
                    return ts.sort((a, b) => a - b)[2] / 1000; }""")
                break
            page.wait_for_timeout(100)
    except Exception as e:  # a page that blocks the browser past the timeout
        print(f"  ({path.name}: {type(e).__name__})", file=sys.stderr)
    finally:
        page.close(run_before_unload=False)
    for key in ("created", "drawn", "stabilized"):
        out[key] = seen[key] / 1000 if seen.get(key) else None
    if out["frame"] is not None:
        out["interactive"] = max(out["drawn"], out["stabilized"] or 0)
    return out


def _s(x, timeout):
    return f"{x:.2f} s" if x is not None else f">{timeout:.0f} s"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="500,5000,20000")
    ap.add_argument("--timeout", type=float, default=180.0)
    ap.add_argument("--tools", default="athar,pyvis", help="athar, pyvis or both (pyvis at 20,000 nodes takes minutes)")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory(prefix="athar-bench-views-") as folder, sync_playwright() as p:
        launch = ["--disable-gpu", "--no-first-run"] + (["--no-sandbox"] if os.geteuid() == 0 else [])
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=launch)
        for size in (int(s) for s in args.sizes.split(",")):
            G = generate(size)
            for tool in args.tools.split(","):
                path = Path(folder) / f"{tool}-{size}.html"
                t0 = time.perf_counter()
                if tool == "athar":
                    render_network(G, path, "ar", overview=False)
                else:
                    write_pyvis(G, path)
                gen = time.perf_counter() - t0
                m = measure(browser, path, args.timeout)
                rows.append((size, G.number_of_edges(), tool, gen, path.stat().st_size, m))
                print(f"{size:>6} nodes {G.number_of_edges():>6} edges  {tool:<5}  generate {gen:6.2f} s  "
                      f"html {path.stat().st_size / 1e6:6.2f} MB  network {_s(m['created'], args.timeout)}  "
                      f"drawn {_s(m['drawn'], args.timeout)}  stabilized {_s(m['stabilized'], args.timeout)}  "
                      f"interactive {_s(m['interactive'], args.timeout)}  frame {_s(m['frame'], args.timeout)}",
                      flush=True)
        browser.close()
    print("\nratios (pyvis / athar):")
    for size in sorted({r[0] for r in rows} if "," in args.tools else ()):
        a, b = (next(r for r in rows if r[0] == size and r[2] == t) for t in ("athar", "pyvis"))
        inter = (f"{b[5]['interactive'] / a[5]['interactive']:.1f}x" if b[5]["interactive"] and a[5]["interactive"]
                 else f">{args.timeout / a[5]['interactive']:.0f}x" if a[5]["interactive"] else "?")
        print(f"{size:>6} nodes: generate {b[3] / a[3]:.1f}x  html {b[4] / a[4]:.1f}x  interactive {inter}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
