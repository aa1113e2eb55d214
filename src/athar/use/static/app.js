// athar's query page: saved queries, a SPARQL editor, results as a sortable table.
// Written without a framework and loaded from this server only. Every value from the
// store goes into the page through textContent or setAttribute, never innerHTML.
"use strict";

const state = { prefixes: {}, base: "", last: null, lastQuery: "", graphUrl: null };
const $ = (id) => document.getElementById(id);

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function isArabic(text) {
  let ar = 0, latin = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c >= 0x0600 && c <= 0x06ff) ar++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return ar > latin;
}

function compact(iri) {
  let best = null;
  for (const [p, ns] of Object.entries(state.prefixes)) {
    if (iri.startsWith(ns) && (!best || ns.length > best[1].length)) best = [p, ns];
  }
  return best ? best[0] + ":" + iri.slice(best[1].length) : iri;
}

function setStatus(text, isError) {
  const s = $("status");
  s.textContent = text;
  s.className = isError ? "error" : "";
}

function termCell(term) {
  const td = el("td");
  if (!term) return td;
  if (term.type === "uri") {
    let href = null;
    if (term.value.startsWith(state.base)) href = "/entity/" + term.value.slice(state.base.length);
    else if (/^https?:\/\//.test(term.value)) href = term.value;
    const a = href ? el("a", { href }, compact(term.value)) : el("span", {}, compact(term.value));
    if (href && !href.startsWith("/")) a.setAttribute("rel", "noopener noreferrer");
    a.setAttribute("title", term.value);
    td.appendChild(a);
  } else {
    td.textContent = term.type === "bnode" ? "_:" + term.value : term.value;
    if (term["xml:lang"]) td.setAttribute("lang", term["xml:lang"]);
    if (isArabic(term.value)) td.setAttribute("dir", "rtl");
  }
  return td;
}

function sortKey(term) {
  if (!term) return "";
  return term.value;
}

function compareTerms(a, b) {
  const x = sortKey(a), y = sortKey(b);
  const nx = Number(x), ny = Number(y);
  if (x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny)) return nx - ny;
  return x.localeCompare(y);
}

function renderTable(answer) {
  const box = $("results");
  box.replaceChildren();
  if ("boolean" in answer) {
    box.appendChild(el("p", { id: "ask" }, "ASK: " + answer.boolean));
    return;
  }
  const vars = answer.head.vars;
  const rows = answer.results.bindings.slice();
  const table = el("table", { id: "result-table" });
  const head = el("tr");
  const body = el("tbody");
  const fill = () => {
    body.replaceChildren();
    for (const row of rows) {
      const tr = el("tr");
      for (const v of vars) tr.appendChild(termCell(row[v]));
      body.appendChild(tr);
    }
  };
  vars.forEach((v) => {
    const th = el("th", { scope: "col", "aria-sort": "none" }, v);
    th.addEventListener("click", () => {
      const down = th.getAttribute("aria-sort") === "ascending";
      head.querySelectorAll("th").forEach((h) => h.setAttribute("aria-sort", "none"));
      th.setAttribute("aria-sort", down ? "descending" : "ascending");
      rows.sort((a, b) => (down ? -1 : 1) * compareTerms(a[v], b[v]));
      fill();
    });
    head.appendChild(th);
  });
  const thead = el("thead");
  thead.appendChild(head);
  table.appendChild(thead);
  table.appendChild(body);
  fill();
  box.appendChild(table);
}

async function post(query, accept) {
  const response = await fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: accept },
    body: new URLSearchParams({ query }),
  });
  if (!response.ok) throw new Error(await response.text());
  return response;
}

async function run() {
  const query = $("query").value;
  setStatus("running…");
  $("download-csv").disabled = true;
  $("download-json").disabled = true;
  $("show-graph").disabled = true;
  hideGraph();
  try {
    const started = performance.now();
    const response = await post(query, "application/sparql-results+json, text/turtle;q=0.9");
    const type = response.headers.get("Content-Type") || "";
    const text = await response.text();
    const ms = Math.round(performance.now() - started);
    if (type.startsWith("application/sparql-results+json")) {
      const answer = JSON.parse(text);
      state.last = text;
      state.lastQuery = query;
      renderTable(answer);
      const n = "boolean" in answer ? 1 : answer.results.bindings.length;
      const cut = response.headers.get("X-SPARQL-MaxRows");
      setStatus(`${n} rows · ${ms} ms` + (cut ? ` (cut at ${cut} rows)` : ""));
      $("download-csv").disabled = "boolean" in answer;
      $("download-json").disabled = false;
      $("show-graph").disabled = "boolean" in answer;
    } else {
      state.lastQuery = query;
      $("show-graph").disabled = false;
      $("results").replaceChildren(el("pre", {}, text));
      setStatus(`${type.split(";")[0]} · ${ms} ms`);
    }
  } catch (e) {
    $("results").replaceChildren();
    setStatus(e.message, true);
  }
}

function save(blob, name) {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function downloadCsv() {
  try {
    const response = await post(state.lastQuery, "text/csv");
    save(await response.blob(), "athar-results.csv");
  } catch (e) {
    setStatus(e.message, true);
  }
}

function downloadJson() {
  if (state.last) save(new Blob([state.last], { type: "application/sparql-results+json" }), "athar-results.json");
}

function hideGraph() {
  $("graph-view").hidden = true;
  $("graph-frame").removeAttribute("src");
  if (state.graphUrl) URL.revokeObjectURL(state.graphUrl);
  state.graphUrl = null;
}

// The graph of the last answer, drawn by the server (/graph) as one offline page and shown
// in a same-origin frame from a blob: URL, so that an error or a cut can be told here.
async function showGraph() {
  const lang = $("graph-lang").value;
  setStatus("drawing…");
  try {
    const response = await fetch("/graph", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "text/html" },
      body: new URLSearchParams({ query: state.lastQuery, lang }),
    });
    if (!response.ok) throw new Error(await response.text());
    const cut = response.headers.get("X-Athar-Graph-Cut");
    const page = await response.blob();
    hideGraph();
    state.graphUrl = URL.createObjectURL(new Blob([page], { type: "text/html" }));
    $("graph-note").textContent = !cut ? "" : lang === "ar"
      ? `الشبكة مقطوعة: تظهر أول ${cut} كياناً فقط`
      : `The graph is cut: only the first ${cut} entities are shown`;
    $("graph-frame").setAttribute("src", state.graphUrl);
    $("graph-view").hidden = false;
    setStatus("");
    $("graph-view").scrollIntoView({ block: "nearest" });
  } catch (e) {
    setStatus(e.message, true);
  }
}

async function start() {
  const response = await fetch("/api/queries", { headers: { Accept: "application/json" } });
  const info = await response.json();
  state.prefixes = info.prefixes;
  state.base = info.base;
  $("query").value = info.prologue + "\nSELECT ?s ?label WHERE {\n  ?s rdfs:label ?label .\n} LIMIT 20\n";
  const list = $("saved-list");
  for (const q of info.queries) {
    const button = el("button", { type: "button", "data-name": q.name });
    button.appendChild(el("span", { class: "q-name" }, q.name));
    button.appendChild(el("span", { class: "q-en", lang: "en" }, q.question_en));
    button.appendChild(el("span", { class: "q-ar", lang: "ar", dir: "rtl" }, q.question_ar));
    button.addEventListener("click", () => {
      list.querySelectorAll("button").forEach((b) => b.classList.remove("active"));
      button.classList.add("active");
      $("query").value = q.text;
    });
    const li = el("li");
    li.appendChild(button);
    list.appendChild(li);
  }
}

$("run").addEventListener("click", run);
$("download-csv").addEventListener("click", downloadCsv);
$("download-json").addEventListener("click", downloadJson);
$("show-graph").addEventListener("click", showGraph);
$("graph-lang").value = (document.documentElement.lang || navigator.language || "ar").startsWith("en") ? "en" : "ar";
$("query").addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run();
});
start().catch((e) => setStatus(e.message, true));
