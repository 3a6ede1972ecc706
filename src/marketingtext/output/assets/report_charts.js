/* mtext HTML report, part 1: data, helpers, generic charts (bars, histogram, word cloud, table, network).
   html_report.py inlines report_charts.js then report.js inside one strict-mode function: no globals. */
  const D = JSON.parse(document.getElementById("mtext-data").textContent);
  const SVG = "http://www.w3.org/2000/svg";
  const NUM = new Intl.NumberFormat("de-DE", {maximumFractionDigits: 2});
  const MANY_DOCS = 30;  // above this, per-document charts summarise (histograms, top documents)
  const LABEL_COLOURS = {PER: "#d95f02", ORG: "#1b9e77", LOC: "#7570b3", MISC: "#888888"};
  const LABEL_NAMES = {PER: "Person", ORG: "Organisation", LOC: "Ort", MISC: "Sonstiges"};
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
  const SCI = new Intl.NumberFormat("de-DE", {notation: "scientific", maximumFractionDigits: 1});
  const DOCS = D.docTitles || {};  // doc -> {name: title or file name, file: file name}
  function fmt(v) {
    if (v === null || v === undefined) return "";
    if (typeof v === "boolean") return v ? "ja" : "nein";
    if (typeof v !== "number") return String(v);
    return v !== 0 && Math.abs(v) < 0.01 ? SCI.format(v) : NUM.format(v);  // p-values stay visible: 1,2E-7
  }
  /* A document's shown name (its title, or its file name) and the file name for the tooltip. */
  function docName(doc) { return (DOCS[doc] || {}).name || String(doc); }
  function docFile(doc) { return (DOCS[doc] || {}).file || String(doc); }
  function short(s, n) { s = String(s); return s.length > n ? s.slice(0, n - 1) + "…" : s; }
  function shortLeft(s, n) { return s.length > n ? "…" + s.slice(s.length - n + 1) : s; }
  /* Add an SVG text to ``svg`` reading ``full``, shortened with "…" until it is at most maxW wide (it must be in
     the page to be measured); a shortened text (or one with a ``tip``) carries the full text as its tooltip. */
  function fitText(svg, node, full, maxW, tip) {
    full = String(full);
    svg.appendChild(node);
    node.textContent = full;
    if (node.getComputedTextLength() > maxW) {
      let lo = 0, hi = full.length - 1;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        node.textContent = full.slice(0, mid).trimEnd() + "…";
        if (node.getComputedTextLength() <= maxW) lo = mid; else hi = mid - 1;
      }
      node.textContent = full.slice(0, lo).trimEnd() + "…";
      node.appendChild(svgEl("title", {}, tip ? `${full} (${tip})` : full));
    } else if (tip) node.appendChild(svgEl("title", {}, tip));
    return node;
  }
  /* Widest of these labels in the SVG's font (user units), measured with a hidden text node. */
  function textWidth(svg, labels, cls) {
    const probe = svgEl("text", {class: cls || "lbl", x: 0, y: 0, visibility: "hidden"});
    svg.appendChild(probe);
    let widest = 0;
    for (const s of labels) { probe.textContent = String(s); widest = Math.max(widest, probe.getComputedTextLength()); }
    probe.remove();
    return widest;
  }
  function note(parent, text) { parent.appendChild(el("p", {class: "empty"}, text)); }

  /* A label in as few lines as fit maxW (split between words, at most MAX_LABEL_LINES: a document's title can be
     long); the last line holds the rest, shortened by fitText if it still does not fit. */
  const MAX_LABEL_LINES = 3;
  function labelLines(svg, full, maxW) {
    const probe = svgEl("text", {class: "lbl", x: 0, y: 0, visibility: "hidden"});
    svg.appendChild(probe);
    const width = (s) => { probe.textContent = s; return probe.getComputedTextLength(); };
    const words = String(full).split(" "), lines = [];
    let start = 0;
    while (start < words.length && lines.length < MAX_LABEL_LINES - 1) {
      let cut = start + 1;  // as many words as fit (at least one)
      while (cut < words.length && width(words.slice(start, cut + 1).join(" ")) <= maxW) cut++;
      if (cut >= words.length) break;
      lines.push(words.slice(start, cut).join(" "));
      start = cut;
    }
    lines.push(words.slice(start).join(" "));
    probe.remove();
    return lines;
  }

  /* Horizontal bars: items [{label, value, colour?, tip?}]; the label column is as wide as the longest label
     (at most opts.maxLabel); a longer label wraps onto more lines, and what still does not fit is shortened
     with the full text on hover. */
  function barChart(parent, items, opts) {
    opts = opts || {};
    if (!items.length) return note(parent, "Keine Daten.");
    const barW = opts.width || 420, row = 20, line = 13;
    const svg = svgRoot(parent, 10, items.length * row + 8, opts.title || "Balkendiagramm");
    const valueW = textWidth(svg, items.map((d) => fmt(d.value)), "val") + 10;
    const labelW = Math.ceil(Math.min(textWidth(svg, items.map((d) => d.label)), opts.maxLabel || 240)) + 10;
    const width = labelW + barW + valueW;
    const max = Math.max(...items.map((d) => Math.abs(d.value)), 1e-9);
    let y = 4;
    items.forEach((d) => {
      const lines = labelLines(svg, d.label, labelW - 8), extra = (lines.length - 1) * line;
      const w = Math.max(1, barW * Math.abs(d.value) / max), mid = y + extra / 2;
      lines.forEach((text, k) => {
        const tip = lines.length > 1 ? d.label + (d.tip ? ` (${d.tip})` : "") : d.tip;
        fitText(svg, svgEl("text", {x: labelW - 6, y: y + 14 + k * line, "text-anchor": "end", class: "lbl"}), text,
          labelW - 8, tip);
      });
      const bar = svgEl("rect", {x: labelW, y: mid + 2, width: w, height: row - 5, fill: d.colour || opts.colour || "#3b6ea8"});
      bar.appendChild(svgEl("title", {}, `${d.label}: ${fmt(d.value)}`));
      svg.appendChild(bar);
      svg.appendChild(svgEl("text", {x: labelW + w + 4, y: mid + 14, class: "val"}, fmt(d.value)));
      y += row + extra;
    });
    svg.setAttribute("viewBox", `0 0 ${width} ${y + 4}`);
    svg.style.maxWidth = width + "px";
  }

  /* Histogram of one value over many documents (20 bins). */
  function histogram(parent, values, title) {
    const lo = Math.min(...values), hi = Math.max(...values), bins = 20, width = 420, height = 150;
    const counts = new Array(bins).fill(0), step = (hi - lo) / bins || 1;
    values.forEach((v) => counts[Math.min(bins - 1, Math.floor((v - lo) / step))]++);
    const max = Math.max(...counts), svg = svgRoot(parent, width, height + 34, `Verteilung: ${title}`), bw = width / bins;
    counts.forEach((c, i) => {
      const h = height * c / max, r = svgEl("rect", {x: i * bw + 1, y: height - h + 4, width: bw - 2, height: h, fill: "#3b6ea8"});
      r.appendChild(svgEl("title", {}, `${fmt(lo + i * step)} – ${fmt(lo + (i + 1) * step)}: ${fmt(c)} Dokumente`));
      svg.appendChild(r);
    });
    svg.appendChild(svgEl("text", {x: 0, y: height + 20, class: "val"}, fmt(lo)));
    svg.appendChild(svgEl("text", {x: width, y: height + 20, class: "val", "text-anchor": "end"}, fmt(hi)));
    svg.appendChild(svgEl("text", {x: width / 2, y: height + 20, class: "val", "text-anchor": "middle"},
      `${fmt(values.length)} Dokumente`));
  }

  /* Word cloud: spiral placement with bounding-box collision test, largest words first. */
  function wordCloud(parent, items) {
    if (!items.length) return note(parent, "Keine Daten.");
    const width = 640, height = 320, svg = svgRoot(parent, width, height, "Wortwolke");
    const max = Math.max(...items.map((d) => d.value)), min = Math.min(...items.map((d) => d.value));
    const placed = [], palette = ["#1f4e79", "#3b6ea8", "#2e8b57", "#b35806", "#6a3d9a", "#8c510a"];
    items.forEach((d, i) => {
      const size = 13 + 38 * (max === min ? 1 : (d.value - min) / (max - min));
      const t = svgEl("text", {"text-anchor": "middle", class: "cloud"}, d.label);
      t.style.fontSize = size.toFixed(1) + "px"; t.style.fill = palette[i % palette.length];
      t.appendChild(svgEl("title", {}, `${d.label}: ${fmt(d.value)}`));
      svg.appendChild(t);
      t.setAttribute("x", 0); t.setAttribute("y", 0);
      const w = t.getComputedTextLength() + 4, h = size * 1.05;
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
    const labels = data.labels || data.columns, docCols = new Set(D.docColumns || []);
    const values = data.columns.map((c) => (D.valueLabels || {})[c] || null);
    data.columns.forEach((c, i) => {
      const th = el("th", {title: `${labels[i]} – CSV-Spalte „${c}“; klicken zum Sortieren`, "data-column": c}, labels[i]);
      if (data.rows.some((r) => typeof r[i] === "number")) th.setAttribute("data-num", "");
      th.addEventListener("click", () => { sortDir = sortCol === i ? -sortDir : 1; sortCol = i; draw(); });
      head.appendChild(th);
    });
    thead.appendChild(head); tbl.append(thead, tbody);
    function draw() {
      const q = filter.value.trim().toLowerCase();
      const shown = (v, i) => (docCols.has(data.columns[i]) ? docName(v) + " " + v : String(v)).toLowerCase();
      let rows = q ? data.rows.filter((r) => r.some((v, i) => shown(v, i).includes(q))) : data.rows.slice();
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
        r.forEach((v, i) => tr.appendChild(cell(v, data.columns[i], values[i])));
        return tr;
      }));
      info.textContent = `${fmt(rows.length)} von ${fmt(data.rows.length)} Zeilen` +
        (rows.length > limit ? ` (erste ${fmt(limit)} gezeigt)` : "") +
        (data.total > data.rows.length ? `; der Bericht enthält die ersten ${fmt(data.rows.length)} von ${fmt(data.total)}` : "");
    }
    function cell(v, column, words) {
      if (typeof v === "number") return el("td", {class: "num"}, fmt(v));
      if (docCols.has(column) && v !== null) {  // a document: its title (or file name), the file name on hover
        return el("td", {class: "txt doc", title: docFile(v)}, docName(v));
      }
      if (words && v !== null && words[String(v)] !== undefined) return el("td", {class: "txt", title: String(v)}, words[String(v)]);
      // an ISO date is one value: never broken at its hyphens
      if (typeof v === "string" && /^\d{4}-\d\d-\d\d$/.test(v)) return el("td", {class: "txt date"}, v);
      return el("td", {class: "txt"}, fmt(v));
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
      c.appendChild(svgEl("title", {}, `${n.id} (${LABEL_NAMES[n.label] || n.label}): ${fmt(n.mentions)} Nennungen`));
      svg.appendChild(c);
      const t = fitText(svg, svgEl("text", {x: pos[i].x, y: pos[i].y - 10 - 6 * Math.sqrt(n.mentions / maxM),
        "text-anchor": "middle", class: "lbl"}), n.id, 180);
      const half = t.getComputedTextLength() / 2 + 2;  // the whole label inside the picture
      t.setAttribute("x", Math.min(width - half, Math.max(half, pos[i].x)));
    });
    const legend = el("p", {class: "legend"});
    for (const [label, name] of Object.entries(LABEL_NAMES)) {
      const sw = el("span", {class: "swatch"}); sw.style.background = LABEL_COLOURS[label];
      legend.append(sw, document.createTextNode(` ${name}  `));
    }
    parent.appendChild(legend);
  }

