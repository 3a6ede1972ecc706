/* mtext HTML report, part 2: dispersion plot, heat-map, KWIC search, and the page set-up.
   Every text from the data is inserted with textContent / createTextNode, never as HTML. */
  /* Dispersion plot: one line per document, a tick at each occurrence's relative position. */
  function dispersion(parent, term) {
    parent.replaceChildren();
    const occ = D.positions.terms[term] || {};
    let docs = D.docNames;
    if (docs.length > MANY_DOCS) {  // many documents: those with the most hits
      docs = docs.filter((d) => occ[d]).sort((a, b) => occ[b].length - occ[a].length || a.localeCompare(b)).slice(0, MANY_DOCS);
      note(parent, `${fmt(docs.length)} Dokumente mit den meisten Treffern (von ${fmt(Object.keys(occ).length)} mit Treffern).`);
    }
    const plotW = 460, row = 26;
    const svg = svgRoot(parent, 10, docs.length * row + 26, `Streuung von ${term}`);
    const labelW = Math.ceil(Math.min(textWidth(svg, docs.map(docName)), 240)) + 10, width = labelW + plotW + 50;
    svg.setAttribute("viewBox", `0 0 ${width} ${docs.length * row + 26}`);
    svg.style.maxWidth = width + "px";
    docs.forEach((doc, i) => {
      const y = 6 + i * row, hits = occ[doc] || [];
      fitText(svg, svgEl("text", {x: labelW - 6, y: y + 14, "text-anchor": "end", class: "lbl"}), docName(doc),
        labelW - 8, docFile(doc));
      svg.appendChild(svgEl("rect", {x: labelW, y: y + 2, width: plotW, height: row - 8, fill: "#f3f5f8", stroke: "#ccd"}));
      hits.forEach((p) => svg.appendChild(svgEl("line", {x1: labelW + p * plotW, x2: labelW + p * plotW, y1: y + 2,
        y2: y + row - 6, stroke: "#b2182b", "stroke-width": 1.5})));
      svg.appendChild(svgEl("text", {x: labelW + plotW + 6, y: y + 14, class: "val"}, `${fmt(hits.length)}×`));
    });
    svg.appendChild(svgEl("text", {x: labelW, y: docs.length * row + 20, class: "val"}, "Anfang"));
    svg.appendChild(svgEl("text", {x: labelW + plotW, y: docs.length * row + 20, class: "val", "text-anchor": "end"}, "Ende"));
  }

  /* Heat-map of document similarity (symmetric; the diagonal is 1). */
  function heatmap(parent, names, pairs) {
    if (names.length < 2) return note(parent, "Für eine Ähnlichkeitsmatrix braucht es mindestens zwei Dokumente.");
    const cell = Math.max(14, Math.min(60, Math.floor(520 / names.length))), labelW = 180;
    const size = labelW + cell * names.length + 10;
    // the column labels rise at 60° above the grid: the last one reaches (labelW - 8) × cos 60° to its right
    const svg = svgRoot(parent, size + Math.ceil(labelW * 0.5) + 10, size, "Ähnlichkeit der Dokumente");
    const sim = new Map(pairs.map(([a, b, s]) => [a + "\u0000" + b, s]));
    names.forEach((a, i) => {
      fitText(svg, svgEl("text", {x: labelW - 4, y: labelW + i * cell + cell / 2 + 4, "text-anchor": "end", class: "lbl"}),
        docName(a), labelW - 8, docFile(a));
      fitText(svg, svgEl("text", {x: 0, y: 0, class: "lbl",
        transform: `translate(${labelW + i * cell + cell / 2 + 4},${labelW - 4}) rotate(-60)`}), docName(a), labelW - 8,
        docFile(a));
      names.forEach((b, j) => {
        const s = i === j ? 1 : (sim.get(a + "\u0000" + b) ?? sim.get(b + "\u0000" + a) ?? 0);
        const light = Math.round(97 - 60 * s);
        const r = svgEl("rect", {x: labelW + j * cell, y: labelW + i * cell, width: cell - 1, height: cell - 1,
          fill: `hsl(212, 60%, ${light}%)`});
        r.appendChild(svgEl("title", {}, `${docName(a)} – ${docName(b)}: ${fmt(s)}`));
        svg.appendChild(r);
        if (cell >= 34) svg.appendChild(svgEl("text", {x: labelW + j * cell + cell / 2, y: labelW + i * cell + cell / 2 + 4,
          "text-anchor": "middle", class: "val", style: `fill: ${light < 60 ? "#fff" : "#222"}`}, fmt(s)));
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
    const thinned = lines.total > lines.length ? ` (von ${fmt(lines.total)}; im Bericht gleichmäßig ausgedünnt)` : "";
    const [indexed, all] = D.kwicKeys, partial = indexed < all && !lines.length
      ? ` – der Bericht enthält nur ${fmt(indexed)} von ${fmt(all)} Lemmata (die häufigsten zuerst); mtext kwic findet alle` : "";
    $("kwic-count").textContent = query.trim() ? `${fmt(lines.length)} Treffer${thinned}${partial}` : "";
    const tbl = el("table", {class: "kwic"});
    lines.slice(0, 500).forEach(([doc, text, s, e]) => {
      const tr = el("tr");
      tr.append(el("td", {class: "doc", title: docFile(doc)}, docName(doc)), el("td", {class: "left"}, shortLeft(text.slice(0, s), 60)),
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
    const docCharts = [["words", "Wörter"], ["sentences", "Sätze"], ["flesch_amstad", "Lesbarkeit (Flesch-Amstad)"],
      ["mtld", "Wortvielfalt (MTLD)"]];
    for (const [field, title] of docCharts) {
      const box = el("div", {class: "chart"});
      box.appendChild(el("h3", {}, title));
      $("overview-charts").appendChild(box);
      const values = D.docs.map((d) => ({label: docName(d.doc), tip: docFile(d.doc), value: d[field]}))
        .filter((d) => d.value !== null);
      if (values.length > MANY_DOCS) histogram(box, values.map((d) => d.value), title);
      else barChart(box, values, {title, width: 220, maxLabel: 200});
    }
    table($("docs-table"), D.docsTable);
    const top = corpusKeywords().slice(0, 25).map((r) => ({label: r[col("term")], value: r[col("score")]}));
    barChart($("kw-bars"), top, {title: "Schlüsselwörter des Korpus (Punktwert)"});
    wordCloud($("kw-cloud"), corpusKeywords().slice(0, 60).map((r) => ({label: r[col("term")], value: r[col("score")]})));
    if (D.docNames.length > MANY_DOCS) {
      note($("kw-per-doc-note"), `Die ersten ${fmt(MANY_DOCS)} von ${fmt(D.docNames.length)} Dokumenten; alle stehen in der Tabelle.`);
    }
    D.docNames.slice(0, MANY_DOCS).forEach((doc) => {
      const box = el("div", {class: "chart small"});
      box.appendChild(el("h3", {class: "doc", title: docFile(doc)}, docName(doc)));
      $("kw-per-doc").appendChild(box);
      const rows = D.keywords.rows.filter((r) => r[col("doc")] === doc).slice(0, 10);
      barChart(box, rows.map((r) => ({label: r[col("term")], value: r[col("score")]})), {width: 130, maxLabel: 170});
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
      note($("sim-note"), `Die ${fmt(D.similarityDocs.length)} längsten von ${fmt(D.docNames.length)} Dokumenten.`);
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
