/* mtext HTML report: plain SVG charts, sortable tables, KWIC search. No library, no network.
   Every text from the data is inserted with textContent / createTextNode, never as HTML. */
"use strict";
(function () {
  const D = JSON.parse(document.getElementById("mtext-data").textContent);
  const SVG = "http://www.w3.org/2000/svg";
  const NUM = new Intl.NumberFormat("de-DE", {maximumFractionDigits: 2});
  const MANY_DOCS = 30;  // above this, per-document charts summarise (histograms, top documents)
  const LABEL_COLOURS = {PER: "#d95f02", ORG: "#1b9e77", LOC: "#7570b3", MISC: "#888888"};
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function svgEl(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function svgRoot(parent, width, height, label) {
    const svg = svgEl("svg", {viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", "aria-label": label});
    svg.style.maxWidth = width + "px";
    parent.appendChild(svg);
    return svg;
  }
  function fmt(v) {
    if (v === null || v === undefined) return "";
    if (typeof v !== "number") return String(v);
    return v !== 0 && Math.abs(v) < 0.01 ? v.toPrecision(2).replace(".", ",") : NUM.format(v);  // p-values stay visible
  }
  function short(s, n) { s = String(s); return s.length > n ? s.slice(0, n - 1) + "…" : s; }
  function shortLeft(s, n) { return s.length > n ? "…" + s.slice(s.length - n + 1) : s; }
  function note(parent, text) { parent.appendChild(el("p", {class: "empty"}, text)); }

  /* Horizontal bars: items [{label, value, title?}] */
  function barChart(parent, items, opts) {
    opts = opts || {};
    if (!items.length) return note(parent, "Keine Daten.");
    const labelW = opts.labelWidth || 170, barW = opts.width || 420, row = 20, width = labelW + barW + 60;
    const svg = svgRoot(parent, width, items.length * row + 8, opts.title || "Balkendiagramm");
    const max = Math.max(...items.map((d) => Math.abs(d.value)), 1e-9);
    items.forEach((d, i) => {
      const y = 4 + i * row, w = Math.max(1, barW * Math.abs(d.value) / max);
      svg.appendChild(svgEl("text", {x: labelW - 6, y: y + 14, "text-anchor": "end", class: "lbl"},
        short(d.label, opts.labelChars || Math.floor(labelW / 8))));
      const bar = svgEl("rect", {x: labelW, y: y + 2, width: w, height: row - 5, fill: d.colour || opts.colour || "#3b6ea8"});
      bar.appendChild(svgEl("title", {}, `${d.label}: ${fmt(d.value)}`));
      svg.appendChild(bar);
      svg.appendChild(svgEl("text", {x: labelW + w + 4, y: y + 14, class: "val"}, fmt(d.value)));
    });
  }

  /* Histogram of one value over many documents (20 bins). */
  function histogram(parent, values, title) {
    const lo = Math.min(...values), hi = Math.max(...values), bins = 20, width = 420, height = 150;
    const counts = new Array(bins).fill(0), step = (hi - lo) / bins || 1;
    values.forEach((v) => counts[Math.min(bins - 1, Math.floor((v - lo) / step))]++);
    const max = Math.max(...counts), svg = svgRoot(parent, width, height + 34, `Verteilung: ${title}`), bw = width / bins;
    counts.forEach((c, i) => {
      const h = height * c / max, r = svgEl("rect", {x: i * bw + 1, y: height - h + 4, width: bw - 2, height: h, fill: "#3b6ea8"});
      r.appendChild(svgEl("title", {}, `${fmt(lo + i * step)} – ${fmt(lo + (i + 1) * step)}: ${c} Dokumente`));
      svg.appendChild(r);
    });
    svg.appendChild(svgEl("text", {x: 0, y: height + 20, class: "val"}, fmt(lo)));
    svg.appendChild(svgEl("text", {x: width, y: height + 20, class: "val", "text-anchor": "end"}, fmt(hi)));
    svg.appendChild(svgEl("text", {x: width / 2, y: height + 20, class: "val", "text-anchor": "middle"},
      `${values.length} Dokumente`));
  }

  /* Word cloud: spiral placement with bounding-box collision test, largest words first. */
  function wordCloud(parent, items) {
    if (!items.length) return note(parent, "Keine Daten.");
    const width = 640, height = 320, svg = svgRoot(parent, width, height, "Wortwolke");
    const max = Math.max(...items.map((d) => d.value)), min = Math.min(...items.map((d) => d.value));
    const placed = [], palette = ["#1f4e79", "#3b6ea8", "#2e8b57", "#b35806", "#6a3d9a", "#8c510a"];
    items.forEach((d, i) => {
      const size = 13 + 38 * (max === min ? 1 : (d.value - min) / (max - min));
      const t = svgEl("text", {"text-anchor": "middle"}, d.label);
      t.style.fontSize = size.toFixed(1) + "px"; t.style.fill = palette[i % palette.length];
      t.appendChild(svgEl("title", {}, `${d.label}: ${fmt(d.value)}`));
      svg.appendChild(t);
      const w = d.label.length * size * 0.58 + 4, h = size * 1.05;
      for (let step = 0; step < 900; step++) {
        const a = step * 0.35, r = 2.2 * a;
        const x = width / 2 + r * Math.cos(a) * 1.6, y = height / 2 + r * Math.sin(a);
        const box = {x0: x - w / 2, x1: x + w / 2, y0: y - h * 0.8, y1: y + h * 0.2};
        if (box.x0 < 0 || box.x1 > width || box.y0 < 0 || box.y1 > height) continue;
        if (placed.some((b) => box.x0 < b.x1 && box.x1 > b.x0 && box.y0 < b.y1 && box.y1 > b.y0)) continue;
        placed.push(box);
        t.setAttribute("x", x.toFixed(1)); t.setAttribute("y", y.toFixed(1));
        return;
      }
      t.remove();  // no room left: smaller words are dropped, the bars list them all
    });
  }

  /* Sortable, filterable table: data {columns, rows} */
  function table(parent, data, opts) {
    opts = opts || {};
    const limit = opts.limit || 300;
    if (!data.rows.length) return note(parent, "Keine Zeilen.");
    const box = el("div", {class: "tablebox"});
    const filter = el("input", {type: "search", placeholder: "Filtern …", "aria-label": "Tabelle filtern"});
    const info = el("span", {class: "info"});
    const tbl = el("table"), thead = el("thead"), tbody = el("tbody"), head = el("tr");
    let sortCol = -1, sortDir = 1;
    data.columns.forEach((c, i) => {
      const th = el("th", {title: "Klicken zum Sortieren"}, c);
      th.addEventListener("click", () => { sortDir = sortCol === i ? -sortDir : 1; sortCol = i; draw(); });
      head.appendChild(th);
    });
    thead.appendChild(head); tbl.append(thead, tbody);
    function draw() {
      const q = filter.value.trim().toLowerCase();
      let rows = q ? data.rows.filter((r) => r.some((v) => String(v).toLowerCase().includes(q))) : data.rows.slice();
      if (sortCol >= 0) {
        rows.sort((a, b) => {
          const x = a[sortCol], y = b[sortCol];
          const c = (typeof x === "number" && typeof y === "number") ? x - y : String(x).localeCompare(String(y), "de");
          return c * sortDir;
        });
      }
      head.querySelectorAll("th").forEach((th, i) => th.classList.toggle("sorted", i === sortCol));
      tbody.replaceChildren(...rows.slice(0, limit).map((r) => {
        const tr = el("tr");
        r.forEach((v) => tr.appendChild(el("td", typeof v === "number" ? {class: "num"} : {}, fmt(v))));
        return tr;
      }));
      info.textContent = `${rows.length} von ${data.rows.length} Zeilen` + (rows.length > limit ? ` (erste ${limit} gezeigt)` : "") +
        (data.total > data.rows.length ? `; der Bericht enthält die ersten ${data.rows.length} von ${data.total}` : "");
    }
    filter.addEventListener("input", draw);
    box.append(filter, info, el("div", {class: "scroll"}));
    box.lastChild.appendChild(tbl);
    parent.appendChild(box);
    draw();
  }

  /* Entity network: a small deterministic force layout (nodes start on a circle). */
  function network(parent, nodes, edges) {
    if (!nodes.length) return note(parent, "Keine gemeinsam genannten Entitäten.");
    const width = 640, height = 420, svg = svgRoot(parent, width, height, "Netzwerk der Entitäten");
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    const pos = nodes.map((_, i) => {
      const a = 2 * Math.PI * i / nodes.length;
      return {x: width / 2 + 150 * Math.cos(a), y: height / 2 + 150 * Math.sin(a)};
    });
    const links = edges.map((e) => [index.get(e.source), index.get(e.target), e.weight]);
    for (let it = 0; it < 300; it++) {
      const cool = 1 - it / 300, force = pos.map(() => ({x: 0, y: 0}));
      for (let i = 0; i < pos.length; i++) for (let j = i + 1; j < pos.length; j++) {
        const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y, d2 = Math.max(dx * dx + dy * dy, 25);
        const f = 900 / d2;
        force[i].x += f * dx; force[i].y += f * dy; force[j].x -= f * dx; force[j].y -= f * dy;
      }
      for (const [a, b] of links) {
        const dx = pos[b].x - pos[a].x, dy = pos[b].y - pos[a].y, d = Math.sqrt(dx * dx + dy * dy) || 1;
        const f = 0.02 * (d - 90);
        force[a].x += f * dx / d * 10; force[a].y += f * dy / d * 10; force[b].x -= f * dx / d * 10; force[b].y -= f * dy / d * 10;
      }
      pos.forEach((p, i) => {
        force[i].x += (width / 2 - p.x) * 0.04; force[i].y += (height / 2 - p.y) * 0.05;
        p.x = Math.min(width - 70, Math.max(70, p.x + Math.max(-10, Math.min(10, force[i].x)) * cool));
        p.y = Math.min(height - 20, Math.max(34, p.y + Math.max(-10, Math.min(10, force[i].y)) * cool));
      });
    }
    const maxW = Math.max(...links.map((l) => l[2]), 1);
    for (const [a, b, w] of links) {
      svg.appendChild(svgEl("line", {x1: pos[a].x, y1: pos[a].y, x2: pos[b].x, y2: pos[b].y, stroke: "#999",
        "stroke-opacity": 0.6, "stroke-width": 1 + 4 * w / maxW}));
    }
    const maxM = Math.max(...nodes.map((n) => n.mentions), 1);
    nodes.forEach((n, i) => {
      const c = svgEl("circle", {cx: pos[i].x, cy: pos[i].y, r: 5 + 10 * Math.sqrt(n.mentions / maxM),
        fill: LABEL_COLOURS[n.label] || "#888", class: "node"});
      c.appendChild(svgEl("title", {}, `${n.id} (${n.label}): ${n.mentions} Nennungen`));
      svg.appendChild(c);
      svg.appendChild(svgEl("text", {x: pos[i].x, y: pos[i].y - 10 - 6 * Math.sqrt(n.mentions / maxM),
        "text-anchor": "middle", class: "lbl"}, short(n.id, 24)));
    });
    const legend = el("p", {class: "legend"});
    for (const [label, name] of [["PER", "Person"], ["ORG", "Organisation"], ["LOC", "Ort"], ["MISC", "Sonstiges"]]) {
      const sw = el("span", {class: "swatch"}); sw.style.background = LABEL_COLOURS[label];
      legend.append(sw, document.createTextNode(` ${name}  `));
    }
    parent.appendChild(legend);
  }

  /* Dispersion plot: one line per document, a tick at each occurrence's relative position. */
  function dispersion(parent, term) {
    parent.replaceChildren();
    const occ = D.positions.terms[term] || {};
    let docs = D.docNames;
    if (docs.length > MANY_DOCS) {  // many documents: those with the most hits
      docs = docs.filter((d) => occ[d]).sort((a, b) => occ[b].length - occ[a].length || a.localeCompare(b)).slice(0, MANY_DOCS);
      note(parent, `${docs.length} Dokumente mit den meisten Treffern (von ${Object.keys(occ).length} mit Treffern).`);
    }
    const labelW = 200, plotW = 460, row = 26, width = labelW + plotW + 70;
    const svg = svgRoot(parent, width, docs.length * row + 26, `Streuung von ${term}`);
    docs.forEach((doc, i) => {
      const y = 6 + i * row, hits = occ[doc] || [];
      svg.appendChild(svgEl("text", {x: labelW - 6, y: y + 14, "text-anchor": "end", class: "lbl"}, short(doc, 28)));
      svg.appendChild(svgEl("rect", {x: labelW, y: y + 2, width: plotW, height: row - 8, fill: "#f3f5f8", stroke: "#ccd"}));
      hits.forEach((p) => svg.appendChild(svgEl("line", {x1: labelW + p * plotW, x2: labelW + p * plotW, y1: y + 2,
        y2: y + row - 6, stroke: "#b2182b", "stroke-width": 1.5})));
      svg.appendChild(svgEl("text", {x: labelW + plotW + 6, y: y + 14, class: "val"}, `${hits.length}×`));
    });
    svg.appendChild(svgEl("text", {x: labelW, y: docs.length * row + 20, class: "val"}, "Anfang"));
    svg.appendChild(svgEl("text", {x: labelW + plotW, y: docs.length * row + 20, class: "val", "text-anchor": "end"}, "Ende"));
  }

  /* Heat-map of document similarity (symmetric; the diagonal is 1). */
  function heatmap(parent, names, pairs) {
    if (names.length < 2) return note(parent, "Für eine Ähnlichkeitsmatrix braucht es mindestens zwei Dokumente.");
    const cell = Math.max(14, Math.min(60, Math.floor(520 / names.length))), labelW = 170;
    const size = labelW + cell * names.length + 10;
    const svg = svgRoot(parent, size + 90, size, "Ähnlichkeit der Dokumente");
    const sim = new Map(pairs.map(([a, b, s]) => [a + "\u0000" + b, s]));
    names.forEach((a, i) => {
      svg.appendChild(svgEl("text", {x: labelW - 4, y: labelW + i * cell + cell / 2 + 4, "text-anchor": "end", class: "lbl"}, short(a, 22)));
      const t = svgEl("text", {x: 0, y: 0, class: "lbl",
        transform: `translate(${labelW + i * cell + cell / 2 + 4},${labelW - 4}) rotate(-60)`}, short(a, 22));
      svg.appendChild(t);
      names.forEach((b, j) => {
        const s = i === j ? 1 : (sim.get(a + "\u0000" + b) ?? sim.get(b + "\u0000" + a) ?? 0);
        const light = Math.round(97 - 60 * s);
        const r = svgEl("rect", {x: labelW + j * cell, y: labelW + i * cell, width: cell - 1, height: cell - 1,
          fill: `hsl(212, 60%, ${light}%)`});
        r.appendChild(svgEl("title", {}, `${a} – ${b}: ${fmt(s)}`));
        svg.appendChild(r);
        if (cell >= 34) svg.appendChild(svgEl("text", {x: labelW + j * cell + cell / 2, y: labelW + i * cell + cell / 2 + 4,
          "text-anchor": "middle", class: "val", style: `fill: ${light < 60 ? "#fff" : "#222"}`}, s.toFixed(2)));
      });
    });
  }

  /* KWIC: find sentences holding a word whose lemma key or spelling matches the query. */
  const K = D.kwic, vocabIndex = new Map(K.vocab.map((k, i) => [k, i]));
  function kwicSearch(query) {
    const q = query.trim().toLowerCase().replace(/[-\u2011]/g, "");
    const wanted = new Set();
    if (vocabIndex.has(q)) wanted.add(vocabIndex.get(q));
    for (const id of (K.forms[q] || [])) wanted.add(id);
    const lines = [], perKey = new Map();
    K.sents.forEach(([docIdx, text, toks]) => {
      for (let i = 0; i < toks.length; i += 3) {
        if (!wanted.has(toks[i + 2])) continue;
        lines.push([K.docs[docIdx], text, toks[i], toks[i + 1]]);
        perKey.set(toks[i + 2], (perKey.get(toks[i + 2]) || 0) + 1);
      }
    });
    lines.total = 0;  // true occurrences: keys thinned out by the report keep their count in K.totals
    for (const [id, n] of perKey) lines.total += K.totals[id] || n;
    return lines;
  }
  function kwicDraw() {
    const out = $("kwic-results"), query = $("kwic-input").value, lines = kwicSearch(query);
    out.replaceChildren();
    const thinned = lines.total > lines.length ? ` (von ${lines.total}; im Bericht gleichmäßig ausgedünnt)` : "";
    const [indexed, all] = D.kwicKeys, partial = indexed < all && !lines.length
      ? ` – der Bericht enthält nur ${indexed} von ${all} Lemmata (die häufigsten zuerst); mtext kwic findet alle` : "";
    $("kwic-count").textContent = query.trim() ? `${lines.length} Treffer${thinned}${partial}` : "";
    const tbl = el("table", {class: "kwic"});
    lines.slice(0, 500).forEach(([doc, text, s, e]) => {
      const tr = el("tr");
      tr.append(el("td", {class: "doc"}, short(doc, 22)), el("td", {class: "left"}, shortLeft(text.slice(0, s), 60)),
        el("td", {class: "match"}, text.slice(s, e)), el("td", {class: "right"}, short(text.slice(e), 60)));
      tbl.appendChild(tr);
    });
    if (lines.length) out.appendChild(tbl);
  }

  function corpusKeywords() {
    return D.keywords.rows.filter((r) => r[D.keywords.columns.indexOf("doc")] === "*");
  }

  function init() {
    const kc = D.keywords.columns, col = (name) => kc.indexOf(name);
    const docCharts = [["words", "Wörter"], ["sentences", "Sätze"], ["flesch_amstad", "Flesch (Amstad)"], ["mtld", "MTLD (lexikalische Vielfalt)"]];
    for (const [field, title] of docCharts) {
      const box = el("div", {class: "chart"});
      box.appendChild(el("h3", {}, title));
      $("overview-charts").appendChild(box);
      const values = D.docs.map((d) => ({label: d.doc, value: d[field]})).filter((d) => d.value !== null);
      if (values.length > MANY_DOCS) histogram(box, values.map((d) => d.value), title);
      else barChart(box, values, {title, labelWidth: 160, width: 200});
    }
    table($("docs-table"), D.docsTable);
    const top = corpusKeywords().slice(0, 25).map((r) => ({label: r[col("term")], value: r[col("score")]}));
    barChart($("kw-bars"), top, {title: "Schlüsselwörter des Korpus"});
    wordCloud($("kw-cloud"), corpusKeywords().slice(0, 60).map((r) => ({label: r[col("term")], value: r[col("score")]})));
    if (D.docNames.length > MANY_DOCS) {
      note($("kw-per-doc-note"), `Die ersten ${MANY_DOCS} von ${D.docNames.length} Dokumenten; alle stehen in der Tabelle.`);
    }
    D.docNames.slice(0, MANY_DOCS).forEach((doc) => {
      const box = el("div", {class: "chart small"});
      box.appendChild(el("h3", {}, doc));
      $("kw-per-doc").appendChild(box);
      const rows = D.keywords.rows.filter((r) => r[col("doc")] === doc).slice(0, 10);
      barChart(box, rows.map((r) => ({label: r[col("term")], value: r[col("score")]})), {labelWidth: 150, width: 120});
    });
    table($("kw-table"), D.keywords);
    table($("ent-table"), D.entities);
    network($("ent-network"), D.network.nodes, D.network.edges);
    table($("cooc-table"), D.cooccurrences);
    const select = $("disp-term");
    Object.keys(D.positions.terms).forEach((t) => select.appendChild(el("option", {value: t}, t)));
    select.addEventListener("change", () => dispersion($("disp-plot"), select.value));
    if (select.options.length) dispersion($("disp-plot"), select.value); else note($("disp-plot"), "Keine Begriffe.");
    $("kwic-input").addEventListener("input", kwicDraw);
    if (D.similarityDocs.length < D.docNames.length) {
      note($("sim-note"), `Die ${D.similarityDocs.length} längsten von ${D.docNames.length} Dokumenten.`);
    }
    heatmap($("sim-heatmap"), D.similarityDocs, D.similarity);
    if (D.compare) {
      const c = D.compare, ci = (n) => c.columns.indexOf(n);
      const favA = c.rows.filter((r) => r[ci("log_ratio")] > 0).slice(0, 15);
      const favB = c.rows.filter((r) => r[ci("log_ratio")] < 0).slice(0, 15);
      barChart($("cmp-bars"), favA.concat(favB).map((r) => ({label: r[ci("term")], value: r[ci("log_ratio")],
        colour: r[ci("log_ratio")] > 0 ? "#3b6ea8" : "#d95f02"})), {title: "Keyness (Log Ratio)"});
      table($("cmp-table"), c);
    }
  }
  init();
})();
