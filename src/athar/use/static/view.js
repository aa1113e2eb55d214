/* athar's view page: draws the data of <script id="athar-data"> with vis-network.
 *
 * Positions come from Python (physics stays off). Every label is set as text: the
 * canvas draws it, the legend, panel, results and tooltip use textContent, never HTML.
 * Above a few hundred nodes the page opens on an overview (one node per class); a
 * double-click on a class, a search result or a neighbour's link drills down to the nodes.
 * window.network is the vis Network; window.athar the page's state, for tests and scripts.
 */
(function () {
  "use strict";
  var FONT = '"Noto Sans Arabic", "Noto Naskh Arabic", sans-serif';
  var UI = {
    ar: {search: "ابحث عن اسم (الرقة، الرقه، Raqqa)…", from: "من", to: "إلى",
         legend: "مفتاح الألوان والأشكال (انقر لإخفاء صنف)", overview: "العودة إلى النظرة العامة",
         hint: "انقر عقدة لترى وقائعها وأدلتها وجيرانها. انقر نقرًا مزدوجًا على صنف لفتحه.",
         unknown: "غير مصنف", cls: "الصنف", date: "التاريخ", amount: "المقدار", source: "المصدر",
         links: "الروابط", facts: "الوقائع", more: "و%n أخرى", members: "%n عقدة",
         open: "انقر نقرًا مزدوجًا لعرض عناصره", none: "لا نتيجة", nodes: "عقدة"},
    en: {search: "Search a name (Raqqa, الرقة)…", from: "From", to: "To",
         legend: "Legend (click to hide a class)", overview: "Back to the overview",
         hint: "Click a node to see its facts, evidence and neighbours. Double-click a class to open it.",
         unknown: "Unclassified", cls: "Class", date: "Date", amount: "Amount", source: "Source",
         links: "Links", facts: "Facts", more: "%n more", members: "%n nodes",
         open: "double-click to show its members", none: "no match", nodes: "nodes"}
  };
  var DRILL_LIMIT = 1500;

  var data = JSON.parse(document.getElementById("athar-data").textContent);
  var nodes = data.nodes, edges = data.edges, facts = data.facts, classes = data.classes;
  var lang = data.lang;
  var adj = nodes.map(function () { return []; });
  edges.forEach(function (e, j) { adj[e.f].push(j); if (e.t !== e.f) adj[e.t].push(j); });
  var hiddenClasses = new Set();
  var dateFrom = "", dateTo = "";
  var shown = null;  // node indices on display (null: every node)
  var mode = data.overview ? "overview" : "all";
  var big = nodes.length > 1000;

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function strip(s) { return String(s || "").replace(/[\u2068\u2069]/g, "").replace(/\s+/g, " ").trim(); }
  function norm(s) {
    return strip(s).replace(/[\u064B-\u065F\u0670\u0640]/g, "").replace(/[أإآٱ]/g, "ا")
      .replace(/ى/g, "ي").replace(/ة/g, "ه").replace(/ؤ/g, "و").replace(/ئ/g, "ي").toLowerCase();
  }
  function t(key, n) { return UI[lang][key].replace("%n", n); }
  function className(c) { return c && classes[c] ? classes[c][lang] : UI[lang].unknown; }
  function roleName(r) { return data.roles[r] ? data.roles[r][lang] : r; }
  function name(i) {
    var n = nodes[i];
    if (n.k === "v") return strip(n[lang]);
    return strip(lang === "ar" ? (n.la || n.le || n.ar) : (n.le || n.la || n.en));
  }
  var keys = nodes.map(function (n) { return norm([n.la, n.le, n.ar, n.en].join(" | ")); });

  function passes(i) {
    var n = nodes[i];
    if (hiddenClasses.has(n.c || "")) return false;
    if (n.k === "v" && (dateFrom || dateTo)) {
      if (!n.d) return false;
      var first = n.d.length === 4 ? n.d + "-01" : n.d.slice(0, 7);
      var last = n.d.length === 4 ? n.d + "-12" : n.d.slice(0, 7);
      if (dateFrom && last < dateFrom) return false;
      if (dateTo && first > dateTo) return false;
    }
    return true;
  }

  function visNode(i) {
    var n = nodes[i], c = classes[n.c] || {};
    var event = n.k === "v";
    return {id: i, label: n[lang], x: n.x, y: n.y, shape: c.shape || "dot", value: event ? 1 : Math.max(1, n.n),
            color: {background: c.colour || "#b0bec5", border: event ? "#757575" : "#37474f"},
            hidden: !passes(i)};
  }
  function visEdge(j) {
    var e = edges[j], count = (e.s || []).length || 1;
    return {id: j, from: e.f, to: e.t, label: roleName(e.r), value: Math.min(count, 5),
            dashes: !!e.b, hidden: !(passes(e.f) && passes(e.t))};
  }

  // -- the overview: one node per class, edges counted between classes --------------
  function overview() {
    var groups = {}, order = [];
    nodes.forEach(function (n, i) {
      var c = n.c || "";
      if (!(c in groups)) { groups[c] = []; order.push(c); }
      groups[c].push(i);
    });
    order.sort(function (a, b) { return groups[b].length - groups[a].length || (a < b ? -1 : 1); });
    var r = 120 + 45 * order.length;
    var gnodes = order.map(function (c, k) {
      var a = 2 * Math.PI * k / order.length, info = classes[c] || {};
      return {id: "g:" + c, x: r * Math.cos(a), y: r * Math.sin(a), shape: info.shape || "dot",
              label: "\u2068" + className(c) + "\u2069\n(" + groups[c].length + ")",
              value: groups[c].length, color: {background: info.colour || "#b0bec5", border: "#37474f"},
              hidden: hiddenClasses.has(c)};
    });
    var counts = {};
    edges.forEach(function (e) {
      var a = nodes[e.f].c || "", b = nodes[e.t].c || "", key = a + "\u0000" + b;
      counts[key] = (counts[key] || 0) + 1;
    });
    var gedges = Object.keys(counts).filter(function (key) { return key.split("\u0000")[0] !== key.split("\u0000")[1]; })
      .map(function (key) {
        var ab = key.split("\u0000");
        return {id: "h:" + key, from: "g:" + ab[0], to: "g:" + ab[1], label: String(counts[key]),
                value: counts[key]};
      });
    return {nodes: gnodes, edges: gedges, groups: groups};
  }

  // -- drawing ----------------------------------------------------------------------
  var container = $("mynetwork");
  var nodeSet = new vis.DataSet(), edgeSet = new vis.DataSet();
  var options = {
    autoResize: true,
    layout: {improvedLayout: false},
    physics: {enabled: false},
    interaction: {hover: true, tooltipDelay: 3600000, hideEdgesOnDrag: big, hideEdgesOnZoom: big},
    nodes: {font: {face: FONT, color: "#1a1a1a", strokeWidth: 3, strokeColor: "#ffffff"}, borderWidth: 1,
            scaling: {min: 8, max: 28, label: {enabled: true, min: 13, max: 22, drawThreshold: 8, maxVisible: 24}}},
    edges: {arrows: {to: {enabled: true, scaleFactor: 0.5}}, smooth: false,
            color: {color: "#9aa5b1", highlight: "#37474f", hover: "#37474f"},
            font: {face: FONT, size: 11, color: "#37474f", strokeWidth: 3, align: "middle"},
            scaling: {min: 1, max: 5, label: {enabled: true, min: 11, max: 13, drawThreshold: 8}}}
  };
  var network = new vis.Network(container, {nodes: nodeSet, edges: edgeSet}, options);
  var groups = null;

  function show(indices) {
    shown = indices;
    nodeSet.clear(); edgeSet.clear();
    if (mode === "overview") {
      var o = overview();
      groups = o.groups;
      nodeSet.add(o.nodes); edgeSet.add(o.edges);
    } else {
      var on = indices ? new Set(indices) : null;
      var list = on ? Array.from(on) : nodes.map(function (_, i) { return i; });
      nodeSet.add(list.map(visNode));
      var ids = [];
      edges.forEach(function (e, j) { if (!on || (on.has(e.f) && on.has(e.t))) ids.push(j); });
      edgeSet.add(ids.map(visEdge));
    }
    $("overview").hidden = !data.overview || mode === "overview";
    network.fit({animation: false});
  }

  function drill(indices) {
    mode = "nodes";
    var byDegree = indices.slice().sort(function (a, b) { return nodes[b].n - nodes[a].n || a - b; });
    show(byDegree.slice(0, DRILL_LIMIT));
  }
  function around(i) {
    var near = new Set([i]);
    adj[i].forEach(function (j) { near.add(edges[j].f); near.add(edges[j].t); });
    return Array.from(near);
  }

  function refilter() {
    if (mode === "overview") { show(null); return; }
    nodeSet.update(nodeSet.getIds().map(function (i) { return {id: i, hidden: !passes(i)}; }));
    edgeSet.update(edgeSet.getIds().map(function (j) {
      return {id: j, hidden: !(passes(edges[j].f) && passes(edges[j].t))};
    }));
  }

  // -- legend, texts, language ------------------------------------------------------------
  function legend() {
    var counts = {};
    nodes.forEach(function (n) { counts[n.c || ""] = (counts[n.c || ""] || 0) + 1; });
    var ul = document.querySelector("#legend ul");
    ul.textContent = "";
    var fam = {Place: 0, Facility: 1, Actor: 2, Person: 3, Event: 4};
    Object.keys(counts).sort(function (a, b) {
      var fa = fam[(classes[a] || {}).family] !== undefined ? fam[classes[a].family] : 5;
      var fb = fam[(classes[b] || {}).family] !== undefined ? fam[classes[b].family] : 5;
      return fa - fb || counts[b] - counts[a] || (a < b ? -1 : 1);
    }).forEach(function (c) {
      var info = classes[c] || {}, li = el("li"), label = el("label"), box = el("input");
      box.type = "checkbox"; box.checked = !hiddenClasses.has(c); box.dataset.cls = c;
      box.addEventListener("change", function () {
        if (box.checked) hiddenClasses.delete(c); else hiddenClasses.add(c);
        refilter();
      });
      var swatch = el("span", null, "swatch shape-" + (info.shape || "dot"));
      swatch.style.background = info.colour || "#b0bec5";
      label.append(box, swatch, el("span", className(c), "name"), el("span", "(" + counts[c] + ")", "count"));
      li.appendChild(label);
      li.dataset.cls = c;
      ul.appendChild(li);
    });
  }

  function setLang(l) {
    lang = l;
    document.documentElement.lang = l;
    document.documentElement.dir = l === "ar" ? "rtl" : "ltr";
    document.title = data.title[l];
    $("title").textContent = data.title[l];
    $("lang").value = l;
    $("search").placeholder = UI[l].search;
    $("overview").textContent = UI[l].overview;
    document.querySelectorAll("[data-ui]").forEach(function (e) { e.textContent = UI[l][e.dataset.ui]; });
    legend();
    if (mode === "overview") show(null);
    else {
      nodeSet.update(nodeSet.getIds().map(function (i) { return {id: i, label: nodes[i][l]}; }));
      edgeSet.update(edgeSet.getIds().map(function (j) { return {id: j, label: roleName(edges[j].r)}; }));
    }
    if (selected !== null) panel(selected);
    search();
  }

  // -- side panel -----------------------------------------------------------------
  var selected = null;
  function factBlock(k) {
    var f = facts[k], box = el("div", null, "fact");
    box.appendChild(el("blockquote", f.s || f.w));
    var meta = [];
    if (f.d) meta.push(UI[lang].date + ": " + f.d);
    if (f.a) meta.push(UI[lang].amount + ": " + f.a);
    if (f.doc) meta.push(UI[lang].source + ": " + f.doc);
    if (meta.length) box.appendChild(el("p", meta.join(" · "), "meta"));
    return box;
  }
  function link(i) {
    var b = el("button", name(i), "link");
    b.type = "button";
    b.addEventListener("click", function () { focusNode(i); });
    return b;
  }
  function panel(i) {
    selected = i;
    var p = $("panel"), n = nodes[i];
    p.textContent = "";
    p.appendChild(el("h2", name(i)));
    var other = lang === "ar" ? n.le : n.la;
    if (other && strip(other) !== name(i)) p.appendChild(el("p", other, "other"));
    p.appendChild(el("p", UI[lang].cls + ": " + className(n.c), "meta"));
    if (n.d) p.appendChild(el("p", UI[lang].date + ": " + n.d, "meta"));
    if (n.a) p.appendChild(el("p", UI[lang].amount + ": " + n.a, "meta"));
    if (n.s && n.s.length) {
      p.appendChild(el("h3", UI[lang].facts));
      n.s.forEach(function (k) { p.appendChild(factBlock(k)); });
    }
    p.appendChild(el("h3", UI[lang].links + " (" + adj[i].length + ")"));
    var ul = el("ul", null, "links");
    adj[i].slice(0, 60).forEach(function (j) {
      var e = edges[j], li = el("li"), out = e.f === i;
      li.append(el("span", roleName(e.r) + (out ? " ← " : " → "), "role"), link(out ? e.t : e.f));
      if (n.k !== "v") (e.s || []).slice(0, 3).forEach(function (k) { li.appendChild(factBlock(k)); });
      ul.appendChild(li);
    });
    if (adj[i].length > 60) ul.appendChild(el("li", t("more", adj[i].length - 60)));
    p.appendChild(ul);
  }

  function focusNode(i) {
    if (!nodeSet.get(i)) drill(around(i));
    network.selectNodes([i]);
    network.focus(i, {scale: Math.max(network.getScale(), 1), animation: false});
    panel(i);
  }

  // -- search ------------------------------------------------------------------------
  var found = [];
  function search() {
    var q = norm($("search").value), ul = $("results");
    ul.textContent = "";
    found = [];
    if (!q) return found;
    for (var i = 0; i < nodes.length && found.length < 20; i++) if (keys[i].indexOf(q) >= 0) found.push(i);
    found.sort(function (a, b) { return nodes[b].n - nodes[a].n || a - b; });
    if (!found.length) ul.appendChild(el("li", UI[lang].none));
    found.forEach(function (i) {
      var li = el("li");
      li.dataset.node = String(i);
      li.append(link(i), el("span", " " + className(nodes[i].c), "count"));
      ul.appendChild(li);
    });
    return found;
  }

  // -- tooltip -----------------------------------------------------------------------
  var tip = $("tip");
  function showTip(lines, pointer) {
    tip.textContent = "";
    lines.forEach(function (line, k) { if (line) tip.appendChild(el(k === 0 ? "strong" : "div", line)); });
    var box = container.getBoundingClientRect();
    tip.style.left = Math.min(box.left + pointer.x + 14, window.innerWidth - 420) + "px";
    tip.style.top = (box.top + window.scrollY + pointer.y + 14) + "px";
    tip.hidden = false;
  }
  function short(s) { s = strip(s); return s.length > 240 ? s.slice(0, 239) + "…" : s; }
  network.on("hoverNode", function (p) {
    var id = p.node;
    if (typeof id === "string") {
      var c = id.slice(2);
      showTip([className(c), t("members", groups[c].length), UI[lang].open], p.pointer.DOM);
      return;
    }
    var n = nodes[id], f = n.s && n.s.length ? facts[n.s[0]] : null;
    showTip([name(id), UI[lang].cls + ": " + className(n.c), n.d && UI[lang].date + ": " + n.d,
             n.a && UI[lang].amount + ": " + n.a, f && short(f.s || f.w), f && f.doc && UI[lang].source + ": " + f.doc,
             !f && adj[id].length + " × " + UI[lang].links], p.pointer.DOM);
  });
  network.on("hoverEdge", function (p) {
    if (typeof p.edge === "string") return;
    var e = edges[p.edge], lines = [roleName(e.r) + ": " + name(e.f) + " → " + name(e.t)];
    (e.s || []).slice(0, 3).forEach(function (k) {
      lines.push(short(facts[k].s || facts[k].w));
      if (facts[k].doc) lines.push(UI[lang].source + ": " + facts[k].doc);
    });
    showTip(lines, p.pointer.DOM);
  });
  ["blurNode", "blurEdge", "dragStart", "zoom"].forEach(function (ev) { network.on(ev, function () { tip.hidden = true; }); });

  network.on("click", function (p) {
    if (!p.nodes.length) return;
    var id = p.nodes[0];
    if (typeof id === "number") panel(id);
  });
  network.on("doubleClick", function (p) {
    if (!p.nodes.length) return;
    var id = p.nodes[0];
    if (typeof id === "string") drill(groups[id.slice(2)]);
    else {
      var more = new Set(nodeSet.getIds());
      around(id).forEach(function (k) { more.add(k); });
      mode = "nodes"; show(Array.from(more)); network.selectNodes([id]);
    }
  });

  $("search").addEventListener("input", search);
  $("search").addEventListener("keydown", function (e) {
    if (e.key === "Enter" && search().length) focusNode(found[0]);
  });
  $("date-from").addEventListener("change", function () { dateFrom = this.value; refilter(); });
  $("date-to").addEventListener("change", function () { dateTo = this.value; refilter(); });
  $("lang").addEventListener("change", function () { setLang(this.value); });
  $("overview").addEventListener("click", function () { mode = "overview"; show(null); });

  var ready = false;
  network.once("afterDrawing", function () { ready = true; document.body.dataset.ready = "1"; });
  window.network = network;
  window.athar = {
    data: data, nodes: nodeSet, edges: edgeSet, setLang: setLang, focus: focusNode, drill: drill,
    search: function (q) { $("search").value = q; return search(); },
    filterDates: function (a, b) { dateFrom = a || ""; dateTo = b || ""; $("date-from").value = dateFrom; $("date-to").value = dateTo; refilter(); },
    hideClass: function (c, hide) { if (hide) hiddenClasses.add(c); else hiddenClasses.delete(c); legend(); refilter(); },
    visible: function () { return nodeSet.get({filter: function (n) { return !n.hidden; }}).map(function (n) { return n.id; }); },
    mode: function () { return mode; },
    ready: function () { return ready; }
  };
  setLang(lang);
  show(null);
  if (data.centre !== null && data.centre !== undefined) { network.selectNodes([data.centre]); panel(data.centre); }
})();
