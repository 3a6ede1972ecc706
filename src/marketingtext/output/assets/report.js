/* mtext HTML report, part 2: dispersion plot, heat-map, KWIC search, and the page set-up.
   Every text from the data is inserted with textContent / createTextNode, never as HTML. */
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
