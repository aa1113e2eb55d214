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
         open: "انقر نقرًا مزدوجًا لعرض عناصره", none: "لا نتيجة", nodes: "عقدة",
         byClass: "نظرة عامة حسب الصنف", byPlace: "نظرة عامة حسب المكان"},
    en: {search: "Search a name (Raqqa, الرقة)…", from: "From", to: "To",
         legend: "Legend (click to hide a class)", overview: "Back to the overview",
         hint: "Click a node to see its facts, evidence and neighbours. Double-click a class to open it.",
         unknown: "Unclassified", cls: "Class", date: "Date", amount: "Amount", source: "Source",
         links: "Links", facts: "Facts", more: "%n more", members: "%n nodes",
         open: "double-click to show its members", none: "no match", nodes: "nodes",
         byClass: "Overview by class", byPlace: "Overview by place"}
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
    return {id: j, from: e.f, to: e.t, label: edgeLabels ? roleName(e.r) : undefined, value: Math.min(count, 5),
            dashes: !!e.b, hidden: !(passes(e.f) && passes(e.t))};
  }

  // -- the overview: one node per class (or per place), edges counted between them -------
  var groupBy = "class";
  var PLACE_GROUPS = 80;  // the places with the most events get a node each; the rest go by class
  function placeOf(i) {
    var n = nodes[i];
    if (n.k !== "v") return (classes[n.c] || {}).family === "Place" ? i : null;
    for (var k = 0; k < adj[i].length; k++) {
      var e = edges[adj[i][k]];
      if (e.f === i && e.r === "place") return e.t;
    }
    return null;
  }
  function overview() {
    var key = nodes.map(function (n, i) { return "c:" + (n.c || ""); });
    if (groupBy === "place") {
      var count = {};
      nodes.forEach(function (n, i) {
        var p = placeOf(i);
        if (p !== null) { key[i] = "p:" + p; count[p] = (count[p] || 0) + 1; }
      });
      var top = new Set(Object.keys(count).sort(function (a, b) { return count[b] - count[a] || a - b; })
        .slice(0, PLACE_GROUPS).map(function (p) { return "p:" + p; }));
      key = key.map(function (k, i) { return k[0] === "p" && !top.has(k) ? "c:" + (nodes[i].c || "") : k; });
    }
    var members = {}, order = [];
    nodes.forEach(function (n, i) {
      if (!passes(i)) return;
      if (!(key[i] in members)) { members[key[i]] = []; order.push(key[i]); }
      members[key[i]].push(i);
    });
    order.sort(function (a, b) { return members[b].length - members[a].length || (a < b ? -1 : 1); });
    var r = 120 + 45 * Math.min(order.length, 40);
    var gnodes = order.map(function (k, j) {
      var a = 2 * Math.PI * j / order.length, ring = order.length > 40 ? 1 + (j % 3) * 0.35 : 1;
      var place = k[0] === "p" ? +k.slice(2) : null;
      var info = classes[place !== null ? nodes[place].c : k.slice(2)] || {};
      var title = place !== null ? name(place) : className(k.slice(2));
      return {id: "g:" + k, x: r * ring * Math.cos(a), y: r * ring * Math.sin(a), shape: info.shape || "dot",
              label: "\u2068" + title + "\u2069\n(" + members[k].length + ")", title: undefined,
              value: members[k].length, color: {background: info.colour || "#b0bec5", border: "#37474f"}};
    });
    var counts = {}, where = {};
    order.forEach(function (k) { members[k].forEach(function (i) { where[i] = k; }); });
    edges.forEach(function (e) {
      var a = where[e.f], b = where[e.t];
      if (a === undefined || b === undefined || a === b) return;
      var pair = a + "\u0000" + b;
      counts[pair] = (counts[pair] || 0) + 1;
    });
    var gedges = Object.keys(counts).map(function (pair) {
      var ab = pair.split("\u0000");
      return {id: "h:" + pair, from: "g:" + ab[0], to: "g:" + ab[1], label: String(counts[pair]), value: counts[pair]};
    });
    return {nodes: gnodes, edges: gedges, groups: members};
  }
  function groupName(k) { return k[0] === "p" ? name(+k.slice(2)) : className(k.slice(2)); }

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
  var network = null, ready = false;
  var groups = null;

  // Each view gets new DataSets, filled before vis sees them: vis handles one setData of
  // thousands of items far faster than as many add events.
  var EDGE_LABELS = 1500;  // more edges than this are drawn without labels (their role is in the tooltip)
  var edgeLabels = true;
  function show(indices) {
    shown = indices;
    var list, elist;
    if (mode === "overview") {
      var o = overview();
      groups = o.groups;
      list = o.nodes; elist = o.edges;
      edgeLabels = true;
    } else {
      var on = indices ? new Set(indices) : null;
      list = (on ? Array.from(on) : nodes.map(function (_, i) { return i; })).map(visNode);
      var ids = [];
      edges.forEach(function (e, j) { if (!on || (on.has(e.f) && on.has(e.t))) ids.push(j); });
      edgeLabels = ids.length <= EDGE_LABELS;
      elist = ids.map(visEdge);
    }
    nodeSet = new vis.DataSet(list);
    edgeSet = new vis.DataSet(elist);
    if (network === null) network = start(nodeSet, edgeSet);
    else network.setData({nodes: nodeSet, edges: edgeSet});
    window.athar.nodes = nodeSet; window.athar.edges = edgeSet;
    $("overview").hidden = !data.overview || mode === "overview";
    $("group").hidden = mode !== "overview";
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
    var fam = {Place: 0, Facility: 1, Actor: 2, Person: 3, Materiel: 4, Event: 5};
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
    $("group").options[0].textContent = UI[l].byClass;
    $("group").options[1].textContent = UI[l].byPlace;
    document.querySelectorAll("[data-ui]").forEach(function (e) { e.textContent = UI[l][e.dataset.ui]; });
    legend();
    if (mode === "overview") { if (network) show(null); }
    else {
      nodeSet.update(nodeSet.getIds().map(function (i) { return {id: i, label: nodes[i][l]}; }));
      if (edgeLabels) edgeSet.update(edgeSet.getIds().map(function (j) { return {id: j, label: roleName(edges[j].r)}; }));
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
  function start(ns, es) {
    var net = new vis.Network(container, {nodes: ns, edges: es}, options);
    window.network = net;
    net.once("afterDrawing", function () { ready = true; document.body.dataset.ready = "1"; });
    net.on("hoverNode", function (p) {
      var id = p.node;
      if (typeof id === "string") {
        var g = id.slice(2);
        showTip([groupName(g), t("members", groups[g].length), UI[lang].open], p.pointer.DOM);
        return;
      }
      var n = nodes[id], f = n.s && n.s.length ? facts[n.s[0]] : null;
      showTip([name(id), UI[lang].cls + ": " + className(n.c), n.d && UI[lang].date + ": " + n.d,
               n.a && UI[lang].amount + ": " + n.a, f && short(f.s || f.w), f && f.doc && UI[lang].source + ": " + f.doc,
               !f && adj[id].length + " × " + UI[lang].links], p.pointer.DOM);
    });
    net.on("hoverEdge", function (p) {
      if (typeof p.edge === "string") return;
      var e = edges[p.edge], lines = [roleName(e.r) + ": " + name(e.f) + " → " + name(e.t)];
      (e.s || []).slice(0, 3).forEach(function (k) {
        lines.push(short(facts[k].s || facts[k].w));
        if (facts[k].doc) lines.push(UI[lang].source + ": " + facts[k].doc);
      });
      showTip(lines, p.pointer.DOM);
    });
    ["blurNode", "blurEdge", "dragStart", "zoom"].forEach(function (ev) { net.on(ev, function () { tip.hidden = true; }); });

    net.on("click", function (p) {
      if (!p.nodes.length) return;
      var id = p.nodes[0];
      if (typeof id === "number") panel(id);
    });
    net.on("doubleClick", function (p) {
      if (!p.nodes.length) return;
      var id = p.nodes[0];
      if (typeof id === "string") drill(groups[id.slice(2)]);
      else {
        var more = new Set(nodeSet.getIds());
        around(id).forEach(function (k) { more.add(k); });
        mode = "nodes"; show(Array.from(more)); network.selectNodes([id]);
      }
    });
    return net;
  }

  $("search").addEventListener("input", search);
  $("search").addEventListener("keydown", function (e) {
    if (e.key === "Enter" && search().length) focusNode(found[0]);
  });
  $("date-from").addEventListener("change", function () { dateFrom = this.value; refilter(); });
  $("date-to").addEventListener("change", function () { dateTo = this.value; refilter(); });
  $("lang").addEventListener("change", function () { setLang(this.value); });
  $("overview").addEventListener("click", function () { mode = "overview"; show(null); });
  $("group").addEventListener("change", function () { groupBy = this.value; show(null); });

  window.athar = {
    data: data, nodes: nodeSet, edges: edgeSet, setLang: setLang, focus: focusNode, drill: drill,
    search: function (q) { $("search").value = q; return search(); },
    filterDates: function (a, b) { dateFrom = a || ""; dateTo = b || ""; $("date-from").value = dateFrom; $("date-to").value = dateTo; refilter(); },
    hideClass: function (c, hide) { if (hide) hiddenClasses.add(c); else hiddenClasses.delete(c); legend(); refilter(); },
    visible: function () { return nodeSet.get({filter: function (n) { return !n.hidden; }}).map(function (n) { return n.id; }); },
    mode: function () { return mode; },
    groupBy: function (g) { groupBy = g; $("group").value = g; mode = "overview"; show(null); },
    ready: function () { return ready; }
  };
  setLang(lang);
  show(null);
  if (data.centre !== null && data.centre !== undefined) { network.selectNodes([data.centre]); panel(data.centre); }
})();
