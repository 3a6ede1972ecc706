/* mtext HTML report, topics (Themen): top terms per topic and a document × topic heat-map. Self-contained:
   reads D.topics and uses only the shared helpers (el, svgEl, svgRoot, barChart, note, short, fmt, $). */
  function topicHeatmap(parent, T) {
    if (!T.docs.length) return note(parent, "Keine Dokumente.");
    const cell = Math.max(16, Math.min(64, Math.floor(560 / T.topics.length))), row = 20, labelW = 190, headH = 165;
    const svg = svgRoot(parent, labelW + cell * T.topics.length + 20, headH + row * T.docs.length + 10,
      "Dokumente × Themen");
    const share = new Map(T.shares.map(([d, t, s]) => [d + "\u0000" + t, s]));
    T.topics.forEach((t, j) => {
      svg.appendChild(svgEl("text", {x: 0, y: 0, class: "lbl",
        transform: `translate(${labelW + j * cell + cell / 2 + 4},${headH - 4}) rotate(-60)`}, short(`${t.topic}: ${t.label}`, 26)));
    });
    T.docs.forEach((d, i) => {
      const y = headH + i * row;
      svg.appendChild(svgEl("text", {x: labelW - 4, y: y + 14, "text-anchor": "end", class: "lbl"}, short(d, 26)));
      T.topics.forEach((t, j) => {
        const s = share.get(d + "\u0000" + t.topic) ?? 0, light = Math.round(97 - 60 * s);
        const r = svgEl("rect", {x: labelW + j * cell, y: y, width: cell - 1, height: row - 1, fill: `hsl(28, 75%, ${light}%)`});
        r.appendChild(svgEl("title", {}, `${d} – Thema ${t.topic} (${t.label}): ${fmt(s)}`));
        svg.appendChild(r);
        if (cell >= 34) svg.appendChild(svgEl("text", {x: labelW + j * cell + cell / 2, y: y + 14, "text-anchor": "middle",
          class: "val", style: `fill: ${light < 60 ? "#fff" : "#222"}`}, s.toFixed(2)));
      });
    });
  }

  function topicsSection() {
    const T = D.topics;
    if (!T || !$("themen")) return;
    $("topic-note").textContent = T.note;
    T.topics.forEach((t) => {
      const box = el("div", {class: "chart small"});
      box.appendChild(el("h3", {}, `Thema ${t.topic}: ${t.label} (${fmt(100 * t.share)} % des Korpus)`));
      $("topic-terms").appendChild(box);
      barChart(box, t.terms.map(([term, w]) => ({label: term, value: w})), {title: `Thema ${t.topic}`, labelWidth: 150, width: 140});
    });
    if (T.docs.length < D.docNames.length) {
      note($("topic-heat-note"), `Die ${T.docs.length} längsten von ${D.docNames.length} Dokumenten.`);
    }
    topicHeatmap($("topic-heatmap"), T);
  }
  topicsSection();
