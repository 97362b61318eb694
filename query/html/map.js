// Interactive map of a tiegraph network. The data arrives inline as window.TIEGRAPH_DATA, written by
// HtmlMapData (query/export_json.cc); the page has no network access, so everything shown is built here.
(function () {
  'use strict';

  const DATA = window.TIEGRAPH_DATA || {};
  // Canvas labels do not inherit CSS, so the Korean system-font list is repeated for Cytoscape.
  const FONT = '"Noto Sans CJK KR", "Noto Sans KR", "NanumGothic", "Malgun Gothic", ' +
               '"Apple SD Gothic Neo", "Segoe UI", Arial, sans-serif';
  const FALLBACK_COLOR = '#9aa0a6';
  const EDGE_COLOR = '#9aa3b1';
  const FIT_PADDING = 30;
  const LABEL_ROOM = 18; // below the lowest nodes, for their labels
  const LABEL_GAP = 1; // px kept clear around each label box
  const LABEL_CELL = 64; // px, grid cell of the label placement
  const LABEL_MARGIN = 150; // px beyond the canvas where nodes still compete for a label
  const LABEL_THROTTLE_MS = 120;
  const MIN_LABEL_PX = 6; // as min-zoomed-font-size: smaller labels are not drawn anyway
  const SUGGESTIONS = 8;

  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'class') node.className = v;
        else if (k === 'text') node.textContent = v;
        else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
        else if (k === 'style') node.style.cssText = v;
        else node.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const child of [].concat(children || [])) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const normalize = (s) => String(s === null || s === undefined ? '' : s).normalize('NFC').toLowerCase();
  const arr = (v) => (Array.isArray(v) ? v : []);

  // ---- Months -------------------------------------------------------------------------------
  // A month is held as year * 12 + (month - 1) so that ranges compare as plain integers.
  // A partial date covers its whole span: "2024" starts in January and ends in December.
  function monthOf(date, atEnd) {
    const m = /^(\d{4})(?:-(\d{1,2}))?/.exec(String(date || '').trim());
    if (!m) return null;
    const month = m[2] ? Math.min(12, Math.max(1, Number(m[2]))) : (atEnd ? 12 : 1);
    return Number(m[1]) * 12 + month - 1;
  }
  const monthLabel = (k) => `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;

  const months = [];
  if (DATA.date_range && DATA.date_range.from && DATA.date_range.to) {
    const from = monthOf(DATA.date_range.from, false);
    const to = monthOf(DATA.date_range.to, true);
    // A corrupt range must not freeze the page building a slider of millions of stops.
    if (from !== null && to !== null && to >= from && to - from < 12 * 300) {
      for (let k = from; k <= to; k++) months.push(k);
    }
  }

  // ---- Input records ------------------------------------------------------------------------
  const sectorList = arr(DATA.sectors).filter((s) => s && typeof s.name === 'string');
  const sectorColor = new Map(sectorList.map((s) => [s.name, s.color || FALLBACK_COLOR]));
  const communityList = arr(DATA.communities).filter((c) => c && c.id !== undefined && c.id !== null);
  const communityColor = new Map(communityList.map((c) => [String(c.id), c.color || FALLBACK_COLOR]));
  const measureNames = arr(DATA.measures).map(String);

  const nodeRecs = [];
  const nodeById = new Map();
  // A record's custom properties, typed as the data gives them (numbers, booleans, text;
  // dates as ISO text at their precision).
  function propertiesOf(r) {
    const p = r && r.properties;
    return p && typeof p === 'object' && !Array.isArray(p) ? p : {};
  }
  function propertyText(v) {
    if (typeof v === 'number') return formatMeasure(v);
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    return v === null || v === undefined ? '—' : String(v);
  }
  const propertyRows = (props) => Object.keys(props).map((k) => [k, propertyText(props[k])]);

  for (const n of arr(DATA.nodes)) {
    if (!n || n.id === undefined || n.id === null || nodeById.has(String(n.id))) continue;
    const rec = {
      id: String(n.id),
      name: n.name ? String(n.name) : String(n.id),
      aliases: arr(n.aliases).map(String).filter(Boolean),
      sector: n.sector ? String(n.sector) : 'none',
      kind: n.kind ? String(n.kind) : '',
      region: n.region ? String(n.region) : '',
      foreign: Boolean(n.foreign),
      x: Number(n.x), y: Number(n.y),
      size: Number(n.size) > 0 ? Number(n.size) : 20,
      community: n.community === undefined || n.community === null ? null : String(n.community),
      measures: n.measures && typeof n.measures === 'object' ? n.measures : {},
      properties: propertiesOf(n),
      ties: [],
      ele: null,
      hidden: false,
      faded: false,
      labelOn: false,
    };
    nodeRecs.push(rec);
    nodeById.set(rec.id, rec);
  }

  const tieRecs = [];
  const usedIds = new Set(nodeById.keys());
  for (const t of arr(DATA.ties)) {
    if (!t) continue;
    const s = nodeById.get(String(t.source));
    const d = nodeById.get(String(t.target));
    if (!s || !d) continue;
    // Cytoscape keeps nodes and edges in one id space, and tie ids are not promised unique.
    let eid = 'tie:' + (t.id === undefined ? tieRecs.length : t.id);
    while (usedIds.has(eid)) eid += "'";
    usedIds.add(eid);
    const since = t.since ? String(t.since) : '';
    const until = t.until ? String(t.until) : '';
    const sinceM = monthOf(since, false);
    const untilM = monthOf(until, true);
    const rec = {
      eid,
      id: t.id === undefined ? '' : String(t.id),
      source: s, target: d,
      type: t.type ? String(t.type) : 'unknown',
      status: t.status ? String(t.status) : 'unknown',
      confidence: t.confidence ? String(t.confidence) : '',
      directed: Boolean(t.directed),
      properties: propertiesOf(t),
      strength: Number.isFinite(Number(t.strength)) ? Number(t.strength) : 1,
      since, until,
      from: sinceM === null ? -Infinity : sinceM,
      to: untilM === null ? Infinity : untilM,
      evidence: arr(t.evidence).filter((e) => e && (e.quote || e.source)),
      ele: null,
      hidden: false,
    };
    tieRecs.push(rec);
    s.ties.push(rec);
    d.ties.push(rec);
  }

  // Legend order comes from the data; values the lists forgot are appended so they stay filterable.
  function orderedValues(declared, values) {
    const out = declared.map(String);
    for (const v of values) if (!out.includes(v)) out.push(v);
    return out;
  }
  const sectorNames = orderedValues(sectorList.map((s) => s.name), nodeRecs.map((n) => n.sector));
  const typeNames = orderedValues(arr(DATA.tie_types), tieRecs.map((t) => t.type));
  const statusNames = orderedValues(arr(DATA.statuses), tieRecs.map((t) => t.status));

  // ---- Geometry -----------------------------------------------------------------------------
  // Positions come at any scale while sizes are pixels, so stretch the layout until each node
  // has about a 3-diameter square of the drawing's bounding box to itself; fitting the view then
  // keeps the proportions. (Nearest-neighbour gaps would mislead: force layouts pull leaves
  // tight against their hub while components stay far apart.)
  function layoutScale(recs) {
    const pts = recs.filter((r) => Number.isFinite(r.x) && Number.isFinite(r.y));
    if (pts.length < 2) return 1;
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const p of pts) {
      x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x);
      y0 = Math.min(y0, p.y); y1 = Math.max(y1, p.y);
    }
    const w = Math.max(x1 - x0, 1e-9), h = Math.max(y1 - y0, 1e-9);
    const sizes = recs.map((r) => r.size).sort((a, b) => a - b);
    const cell = 3 * sizes[Math.floor(sizes.length / 2)];
    // Never shrink: tiegraph's layouts keep nodes apart at one unit per pixel.
    return Math.max(1, Math.sqrt((pts.length * cell * cell) / (w * h)));
  }

  // A network exported without a layout has every node at the origin: lay those out on a ring.
  const placed = nodeRecs.filter((r) => Number.isFinite(r.x) && Number.isFinite(r.y));
  const spread = placed.some((r) => r.x !== placed[0].x || r.y !== placed[0].y);
  const scale = spread ? layoutScale(nodeRecs) : 1;
  const ringRadius = Math.max(200, (nodeRecs.length * 2.2 * 24) / (2 * Math.PI));
  nodeRecs.forEach((r, i) => {
    if (spread && Number.isFinite(r.x) && Number.isFinite(r.y)) {
      r.px = r.x * scale;
      r.py = r.y * scale;
    } else {
      const a = (2 * Math.PI * i) / Math.max(1, nodeRecs.length);
      r.px = ringRadius * Math.cos(a);
      r.py = ringRadius * Math.sin(a);
    }
  });

  // Force layouts pull leaves tight against their hub, so at the fitted scale the discs of a crowded
  // cluster lie on one another (the PNG render pushes its label boxes apart in C++ for the same
  // reason). Sizes and positions are both model units here, so pushing overlapping discs apart once
  // keeps them apart at every zoom. A uniform grid of cells as wide as the biggest disc finds the
  // candidate pairs; beyond 5,000 nodes the sweeps cost more than the overlaps do harm.
  function separateNodes(recs) {
    if (recs.length < 2 || recs.length > 5000) return;
    const radius = (r) => r.size / 2 + 1; // + the white border
    const gap = (a, b) => Math.max(3, 0.15 * (radius(a) + radius(b)));
    const cell = 2 * Math.max(...recs.map(radius)) + Math.max(3, 0.3 * Math.max(...recs.map(radius)));
    for (let sweep = 0; sweep < 80; sweep++) {
      const grid = new Map();
      const key = (i, j) => i * 1e6 + j;
      recs.forEach((r, k) => {
        const c = key(Math.floor(r.px / cell), Math.floor(r.py / cell));
        if (!grid.has(c)) grid.set(c, []);
        grid.get(c).push(k);
      });
      let moved = false;
      recs.forEach((a, k) => {
        const i = Math.floor(a.px / cell), j = Math.floor(a.py / cell);
        for (let di = -1; di <= 1; di++) {
          for (let dj = -1; dj <= 1; dj++) {
            for (const m of grid.get(key(i + di, j + dj)) || []) {
              if (m <= k) continue;
              const b = recs[m];
              let dx = b.px - a.px, dy = b.py - a.py;
              let d = Math.hypot(dx, dy);
              const want = radius(a) + radius(b) + gap(a, b);
              if (d >= want) continue;
              if (d < 1e-6) { // same spot: part them along a direction fixed by their order
                const t = (k * 2.399963 + m) % (2 * Math.PI);
                dx = Math.cos(t); dy = Math.sin(t); d = 1;
              }
              // Each moves half the overlap (a little more, so the sweeps converge).
              const push = (0.5 * (want - d) + 0.01) / d;
              a.px -= dx * push; a.py -= dy * push;
              b.px += dx * push; b.py += dy * push;
              moved = true;
            }
          }
        }
      });
      if (!moved) return;
    }
  }
  separateNodes(nodeRecs);

  // Which labels are drawn is decided on the page at each zoom (see placeLabels): the biggest
  // nodes win the room, as in Gephi and Cytoscape desktop. Ties in size go to the busier node.
  const labelOrder = nodeRecs.slice().sort((a, b) =>
    b.size - a.size || b.ties.length - a.ties.length || a.name.localeCompare(b.name));

  let colorBy = DATA.color_by === 'community' && communityList.length ? 'community' : 'sector';
  function colorOf(rec) {
    if (colorBy === 'community') {
      return rec.community === null ? FALLBACK_COLOR : communityColor.get(rec.community) || FALLBACK_COLOR;
    }
    return sectorColor.get(rec.sector) || FALLBACK_COLOR;
  }

  // ---- Cytoscape ----------------------------------------------------------------------------
  // Label size on screen at the initial view, in pixels; bigger nodes get slightly bigger labels.
  const labelPx = (r) => 10 + Math.min(r.size, 60) * 0.085;
  const lineWidth = (t) => Math.min(6, 0.8 + 0.7 * Math.max(0.5, t.strength));
  const elements = [];
  for (const r of nodeRecs) {
    elements.push({
      group: 'nodes',
      data: {
        id: r.id, name: r.name, size: r.size, color: colorOf(r), fontSize: labelPx(r), labelWidth: 16 * labelPx(r),
      },
      position: { x: r.px, y: r.py },
    });
  }
  for (const t of tieRecs) {
    elements.push({
      group: 'edges',
      data: {
        id: t.eid, source: t.source.id, target: t.target.id, status: t.status, directed: t.directed,
        width: lineWidth(t),
      },
    });
  }

  // Curved edges that fan out parallel ties cost too much to redraw on every frame of a big network;
  // there straight shared lines and hiding edges while panning keep the map responsive.
  const large = tieRecs.length > 3000 || nodeRecs.length > 2000;
  const cy = cytoscape({
    container: $('cy'),
    elements,
    layout: { name: 'preset', fit: false },
    minZoom: 0.01,
    maxZoom: 10,
    boxSelectionEnabled: false,
    selectionType: 'single',
    hideEdgesOnViewport: large,
    textureOnViewport: large,
    style: [
      {
        selector: 'node',
        style: {
          width: 'data(size)',
          height: 'data(size)',
          'background-color': 'data(color)',
          'border-width': 1,
          'border-color': '#ffffff',
          // Every node carries its label so that Cytoscape measures its box; placeLabels() shows
          // the ones that fit by class, and a transparent label is not drawn at all.
          label: 'data(name)',
          'text-opacity': 0,
          'font-family': FONT,
          'font-size': 'data(fontSize)',
          'text-max-width': 'data(labelWidth)',
          color: '#1d2330',
          'text-valign': 'bottom',
          'text-halign': 'center',
          'text-margin-y': 2,
          'text-outline-color': '#ffffff',
          'text-outline-width': 2,
          'text-outline-opacity': 0.85,
          'text-wrap': 'ellipsis',
          'min-zoomed-font-size': 6,
        },
      },
      { selector: 'node.label-on, node.hover, node:selected', style: { 'text-opacity': 1 } },
      { selector: 'node.faded', style: { opacity: 0.2 } },
      { selector: 'node.hover', style: { 'z-index': 20 } },
      {
        selector: 'node:selected',
        style: { 'border-width': 3, 'border-color': '#1d2330', 'font-weight': 'bold', 'z-index': 30 },
      },
      {
        selector: 'edge',
        style: {
          width: 'data(width)',
          'line-color': EDGE_COLOR,
          'curve-style': large ? 'haystack' : 'bezier',
          'control-point-step-size': 16,
          opacity: 0.8,
          'arrow-scale': 0.8,
        },
      },
      { selector: 'edge[?directed]', style: { 'target-arrow-shape': 'triangle', 'target-arrow-color': EDGE_COLOR } },
      { selector: 'edge[status = "planned"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 3] } },
      { selector: 'edge[status = "proposed"]', style: { 'line-style': 'dotted' } },
      {
        selector: 'edge.neighbour',
        style: { 'line-color': '#3b4a63', 'target-arrow-color': '#3b4a63', opacity: 1, 'z-index': 5 },
      },
      {
        selector: 'edge:selected',
        style: { 'line-color': '#1a5fb4', 'target-arrow-color': '#1a5fb4', opacity: 1, 'z-index': 9, 'underlay-color': '#1a5fb4', 'underlay-opacity': 0.15, 'underlay-padding': 4 },
      },
      { selector: '.hidden', style: { display: 'none' } },
    ],
  });

  for (const r of nodeRecs) r.ele = cy.getElementById(r.id);
  for (const t of tieRecs) t.ele = cy.getElementById(t.eid);
  const tieByEid = new Map(tieRecs.map((t) => [t.eid, t]));

  let fitZoom = 1;
  let labelZoom = 1;
  // Font sizes and line widths are in model units and would grow and shrink with the zoom.
  // Rescale them so that they read at the initial view whatever the layout's extent, and grow
  // only gently when the reader zooms in; far below the initial view they shrink (and labels
  // vanish) as usual. Steps of 15% keep restyling rare during a continuous zoom.
  function updateScaledSizes(force) {
    const z = Math.max(cy.zoom(), fitZoom * 0.6);
    if (!force && Math.abs(Math.log(z / labelZoom)) < Math.log(1.15)) return;
    labelZoom = z;
    const factor = Math.pow(fitZoom / z, 0.8) / fitZoom;
    cy.batch(() => {
      for (const r of nodeRecs) {
        const px = Math.round(labelPx(r) * factor * 100) / 100;
        r.ele.data({ fontSize: px, labelWidth: 16 * px });
      }
      if (force || !large) {
        for (const t of tieRecs) t.ele.data('width', Math.round(lineWidth(t) * factor * 100) / 100);
      }
    });
  }
  // The fit is computed here rather than by cy.fit(): Cytoscape's pads all four sides alike, and
  // padding them all by the legend's height (up to 120 px) squeezed the network into a sliver of a
  // narrow canvas; and its box holds the labels, whose model size follows fitZoom itself. Here
  // only the band under the legend is kept clear at the top, a line of label room at the bottom,
  // and the node discs (not their labels) fill the rest, centred.
  function fitView(animate) {
    const W = cy.width(), H = cy.height();
    if (!(W > 0 && H > 0) || !nodeRecs.length) return;
    let eles = cy.nodes().not('.hidden');
    if (!eles.length) eles = cy.nodes();
    const bb = eles.boundingBox({ includeLabels: false, includeEdges: false, includeOverlays: false, includeUnderlays: false });
    const legend = $('legend').getBoundingClientRect();
    const box = $('cy').getBoundingClientRect();
    const legendBottom = legend.height > 0 ? legend.bottom - box.top : 0;
    const top = Math.max(FIT_PADDING, Math.min(legendBottom + 8, H / 3));
    const bottom = FIT_PADDING + LABEL_ROOM;
    // On a tiny canvas the margins would leave nothing: then half of it, centred, is used.
    const w = Math.max(W - 2 * FIT_PADDING, W / 2);
    const h = Math.max(H - top - bottom, H / 2);
    const midY = H - top - bottom >= H / 2 ? top + h / 2 : H / 2;
    const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), Math.min(w / Math.max(bb.w, 1), h / Math.max(bb.h, 1))));
    const pan = { x: W / 2 - ((bb.x1 + bb.x2) / 2) * zoom, y: midY - ((bb.y1 + bb.y2) / 2) * zoom };
    cy.stop(true, true);
    if (animate) cy.animate({ zoom, pan }, { duration: 350 });
    else cy.viewport({ zoom, pan });
  }

  // ---- Labels -------------------------------------------------------------------------------
  // As Gephi and Cytoscape desktop do, only the labels that fit are drawn: nodes are taken by
  // importance (the selected one first, then its neighbours, then by size, those faded by the
  // date or filters last) and a label is shown only if its box, as Cytoscape measures it, clears
  // every label already placed. Zooming in spreads the nodes faster than the labels grow, so the
  // lesser labels appear. Recomputed at most every LABEL_THROTTLE_MS while the view moves and once
  // after it stops; only nodes on or near the screen compete, so a big network stays cheap.
  // useCache: false because a label's cached box outlives a font-size change until Cytoscape's
  // next frame, and labels are placed right after updateScaledSizes() restyles them.
  const LABEL_BOX = {
    includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, includeUnderlays: false,
    useCache: false,
  };
  let labelTimer = null;
  let lastLabelRun = -Infinity;
  function scheduleLabels() {
    if (labelTimer !== null) return;
    labelTimer = setTimeout(placeLabels, Math.max(0, LABEL_THROTTLE_MS - (performance.now() - lastLabelRun)));
  }
  function placeLabels() {
    if (labelTimer !== null) clearTimeout(labelTimer);
    labelTimer = null;
    lastLabelRun = performance.now();
    const z = cy.zoom(), pan = cy.pan(), W = cy.width(), H = cy.height();
    const grid = new Map();
    const cells = (b, fn) => {
      for (let i = Math.floor(b.x1 / LABEL_CELL); i <= Math.floor(b.x2 / LABEL_CELL); i++) {
        for (let j = Math.floor(b.y1 / LABEL_CELL); j <= Math.floor(b.y2 / LABEL_CELL); j++) {
          if (fn(i * 1e6 + j) === false) return false;
        }
      }
      return true;
    };
    const hits = (b, q) => b.x1 < q.x2 && q.x1 < b.x2 && b.y1 < q.y2 && q.y1 < b.y2;
    const free = (b) => cells(b, (c) => !(grid.get(c) || []).some((q) => hits(b, q)));
    const take = (b) => cells(b, (c) => { if (!grid.has(c)) grid.set(c, []); grid.get(c).push(b); });

    const selected = cy.nodes(':selected').map((n) => nodeById.get(n.id())).filter(Boolean);
    const neighbours = labelOrder.filter((r) => r.ele.hasClass('neighbour'));
    const order = [...selected, ...neighbours, ...labelOrder.filter((r) => !r.faded), ...labelOrder.filter((r) => r.faded)];
    const on = new Set();
    for (const r of order) {
      if (on.has(r) || r.hidden) continue;
      const forced = selected.includes(r);
      const p = r.ele.position();
      const x = p.x * z + pan.x, y = p.y * z + pan.y;
      if (!forced && (x < -LABEL_MARGIN || x > W + LABEL_MARGIN || y < -LABEL_MARGIN || y > H + LABEL_MARGIN)) continue;
      const font = r.ele.data('fontSize') * z;
      if (!forced && font < MIN_LABEL_PX) continue;
      // Cheap test first: the label's anchor, just under the disc, already covered by a label.
      const ay = y + (r.size / 2) * z + font / 2;
      if (!forced && !free({ x1: x - 1, x2: x + 1, y1: ay - 1, y2: ay + 1 })) continue;
      const bb = r.ele.boundingBox(LABEL_BOX);
      if (!(bb.w > 0 && bb.h > 0)) continue;
      const b = {
        x1: bb.x1 * z + pan.x - LABEL_GAP, x2: bb.x2 * z + pan.x + LABEL_GAP,
        y1: bb.y1 * z + pan.y - LABEL_GAP, y2: bb.y2 * z + pan.y + LABEL_GAP,
      };
      if (!forced && !free(b)) continue;
      take(b);
      on.add(r);
    }
    cy.batch(() => {
      for (const r of nodeRecs) {
        const want = on.has(r);
        if (r.labelOn === want) continue;
        r.labelOn = want;
        if (want) r.ele.addClass('label-on');
        else r.ele.removeClass('label-on');
      }
    });
  }

  function refit() {
    fitView(false);
    fitZoom = cy.zoom();
    updateScaledSizes(true);
    placeLabels();
  }

  cy.on('zoom', () => updateScaledSizes(false));
  cy.on('viewport', scheduleLabels);
  // Until the reader moves the view, the map stays fitted to its canvas whatever happens to the
  // window; afterwards a resize keeps the centre of the view where it was.
  let userMoved = false;
  let lastSize = null;
  cy.on('dragpan scrollzoom pinchzoom', () => { userMoved = true; });
  cy.on('resize', () => {
    const size = { w: cy.width(), h: cy.height() };
    if (!userMoved) refit();
    else if (lastSize) cy.panBy({ x: (size.w - lastSize.w) / 2, y: (size.h - lastSize.h) / 2 });
    lastSize = size;
  });
  cy.on('mouseover', 'node', (e) => {
    e.target.addClass('hover');
    $('cy').style.cursor = 'pointer';
  });
  cy.on('mouseout', 'node', (e) => {
    e.target.removeClass('hover');
    $('cy').style.cursor = '';
  });
  cy.on('mouseover', 'edge', () => { $('cy').style.cursor = 'pointer'; });
  cy.on('mouseout', 'edge', () => { $('cy').style.cursor = ''; });

  // ---- Filters and time ---------------------------------------------------------------------
  const off = { sector: new Set(), type: new Set(), status: new Set() };
  let monthPos = months.length; // months.length stands for "all dates"
  const stats = { ties: 0, nodes: 0, activeNodes: 0 };

  const tieInMonth = (t) => {
    if (monthPos >= months.length) return true;
    const m = months[monthPos];
    return t.from <= m && t.to >= m;
  };
  const nodeShown = (r) => !off.sector.has(r.sector);
  const tieShown = (t) =>
    !off.type.has(t.type) && !off.status.has(t.status) && nodeShown(t.source) && nodeShown(t.target) && tieInMonth(t);

  function applyFilters() {
    const active = new Set();
    let ties = 0;
    let nodes = 0;
    // Only elements whose state changes are touched: each class change makes Cytoscape restyle
    // the element, and a month step of the replay changes few of them.
    const setClass = (rec, cls, on) => {
      if (rec[cls] === on) return;
      rec[cls] = on;
      if (on) rec.ele.addClass(cls);
      else rec.ele.removeClass(cls);
    };
    cy.batch(() => {
      for (const t of tieRecs) {
        const shown = tieShown(t);
        setClass(t, 'hidden', !shown);
        if (shown) {
          ties++;
          active.add(t.source.id);
          active.add(t.target.id);
        }
      }
      for (const r of nodeRecs) {
        const shown = nodeShown(r);
        if (shown) nodes++;
        setClass(r, 'hidden', !shown);
        setClass(r, 'faded', shown && !active.has(r.id));
      }
    });
    stats.ties = ties;
    stats.nodes = nodes;
    stats.activeNodes = active.size;
    scheduleLabels();
    $('counts').textContent =
      `${ties} of ${tieRecs.length} ties · ${active.size} of ${nodeRecs.length} institutions linked`;
    refreshDetails();
  }

  function setMonthIndex(i) {
    let pos = i === null || i === undefined || Number(i) < 0 ? months.length : Math.floor(Number(i));
    if (!Number.isFinite(pos)) pos = months.length;
    monthPos = Math.min(months.length, Math.max(0, pos));
    const slider = $('date-slider');
    slider.value = String(monthPos);
    $('month-label').textContent = !months.length ? 'no dated ties'
      : monthPos >= months.length ? 'all dates' : monthLabel(months[monthPos]);
    slider.setAttribute('aria-valuetext', $('month-label').textContent);
    applyFilters();
  }

  let playTimer = null;
  // A replay lasts about twenty seconds whatever the span, but never flickers faster than 6 months/s.
  const playStepMs = Math.min(800, Math.max(160, Math.round(20000 / Math.max(1, months.length))));
  function stopPlay() {
    if (playTimer !== null) clearInterval(playTimer);
    playTimer = null;
    $('play').textContent = '▶ Play';
  }
  function startPlay() {
    if (!months.length) return;
    if (monthPos >= months.length - 1) setMonthIndex(0);
    $('play').textContent = '❚❚ Pause';
    playTimer = setInterval(() => {
      setMonthIndex(monthPos + 1);
      if (monthPos >= months.length) stopPlay();
    }, playStepMs);
  }

  function buildFilter(containerId, kind, names, countOf, decorate) {
    const box = $(containerId);
    box.textContent = '';
    const inputs = [];
    const setAll = (on) => {
      for (const input of inputs) {
        input.checked = on;
        if (on) off[kind].delete(input.value);
        else off[kind].add(input.value);
      }
      applyFilters();
    };
    if (names.length > 3) {
      box.append(el('div', { class: 'filter-actions' }, [
        el('button', { type: 'button', text: 'all', onclick: () => setAll(true) }),
        el('button', { type: 'button', text: 'none', onclick: () => setAll(false) }),
      ]));
    }
    for (const name of names) {
      const input = el('input', { type: 'checkbox', value: name });
      input.checked = true;
      input.addEventListener('change', () => {
        if (input.checked) off[kind].delete(name);
        else off[kind].add(name);
        applyFilters();
      });
      inputs.push(input);
      box.append(el('label', null, [input, decorate ? decorate(name) : null, el('span', { text: name }),
        el('span', { class: 'count', text: String(countOf(name)) })]));
    }
  }

  function countBy(list, key) {
    const counts = new Map();
    for (const x of list) counts.set(x[key], (counts.get(x[key]) || 0) + 1);
    return (name) => counts.get(name) || 0;
  }

  // ---- Legend and colouring -----------------------------------------------------------------
  function renderLegend() {
    const box = $('legend');
    box.textContent = '';
    let items;
    if (colorBy === 'community') {
      const sizes = countBy(nodeRecs, 'community');
      const shown = communityList.slice(0, 24);
      items = shown.map((c) => [c.color || FALLBACK_COLOR, `${c.id} (${sizes(String(c.id))})`]);
      if (communityList.length > shown.length) items.push([null, `+ ${communityList.length - shown.length} more`]);
      if (nodeRecs.some((r) => r.community === null)) items.push([FALLBACK_COLOR, 'none']);
    } else {
      items = sectorNames.map((name) => [sectorColor.get(name) || FALLBACK_COLOR, name]);
    }
    box.append(el('div', { class: 'legend-title', text: colorBy === 'community' ? 'Community' : 'Sector' }));
    box.append(el('div', { class: 'legend-items' }, items.map(([color, label]) =>
      el('span', { class: 'legend-item' }, [
        color ? el('span', { class: 'swatch', style: `background:${color}` }) : null, label,
      ]))));
  }

  function setColorBy(mode) {
    colorBy = mode === 'community' && communityList.length ? 'community' : 'sector';
    $('color-by').value = colorBy;
    cy.batch(() => { for (const r of nodeRecs) r.ele.data('color', colorOf(r)); });
    renderLegend();
    refreshDetails();
  }

  // ---- Details panel ------------------------------------------------------------------------
  let shown = null; // { kind: 'node' | 'tie', rec }

  function formatMeasure(v) {
    if (typeof v !== 'number') return v === undefined || v === null || v === '' ? '—' : String(v);
    if (!Number.isFinite(v)) return String(v);
    if (Number.isInteger(v)) return v.toLocaleString('en-US');
    if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
    return String(Number(v.toPrecision(3)));
  }

  function datesText(t) {
    if (t.since && t.until) return `${t.since} – ${t.until}`;
    if (t.since) return `since ${t.since}`;
    if (t.until) return `until ${t.until}`;
    return 'date unknown';
  }

  function swatch(color) {
    return el('span', { class: 'swatch', style: `background:${color}` });
  }

  function factsTable(rows) {
    return el('table', { class: 'facts' }, rows.filter(Boolean).map(([k, v]) =>
      el('tr', null, [el('th', { text: k }), el('td', null, v)])));
  }

  function safeUrl(u) {
    return /^https?:\/\//i.test(String(u || '')) ? String(u) : null;
  }

  function evidenceBlock(e) {
    const url = safeUrl(e.url);
    const src = e.source ? String(e.source) : '';
    return el('blockquote', { class: 'evidence' }, [
      e.quote ? String(e.quote) : null,
      (src || url) ? el('span', { class: 'source' }, [
        '— ',
        url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: src || url }) : src,
      ]) : null,
    ]);
  }

  function nodeLink(rec) {
    return el('button', { type: 'button', class: 'link', text: rec.name, title: rec.id, onclick: () => focusNode(rec) });
  }

  function badges(t) {
    return [
      el('span', { class: 'badge', text: t.type }),
      el('span', { class: `badge status-${t.status}`, text: t.status }),
    ];
  }

  function renderNode(rec) {
    const box = $('details');
    box.textContent = '';
    box.append(el('h2', { text: rec.name }));
    box.append(el('div', { class: 'key', text: rec.id }));
    if (rec.aliases.length) box.append(el('div', { class: 'aliases', text: 'also: ' + rec.aliases.join(' · ') }));
    if (!nodeShown(rec)) box.append(el('div', { class: 'note', text: `Hidden: the sector “${rec.sector}” is unticked.` }));
    else if (rec.ele.hasClass('faded')) box.append(el('div', { class: 'note', text: 'No tie shown at the current date and filters.' }));

    const rows = [
      ['sector', [swatch(sectorColor.get(rec.sector) || FALLBACK_COLOR), ' ', rec.sector]],
      ['kind', rec.kind || '—'],
      ['region', rec.region || '—'],
      ['foreign', rec.foreign ? 'yes' : 'no'],
    ];
    if (communityList.length) {
      rows.push(['community', rec.community === null ? '—'
        : [swatch(communityColor.get(rec.community) || FALLBACK_COLOR), ' ', rec.community]]);
    }
    const names = orderedValues(measureNames, Object.keys(rec.measures));
    for (const m of names) rows.push([m, formatMeasure(rec.measures[m])]);
    rows.push(...propertyRows(rec.properties));
    box.append(factsTable(rows));

    const ties = rec.ties.slice().sort((a, b) =>
      (a.from === b.from ? 0 : a.from < b.from ? -1 : 1) || a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
    const visible = ties.filter((t) => tieShown(t)).length;
    box.append(el('h3', { text: `Ties (${ties.length}${visible !== ties.length ? `, ${visible} shown` : ''})` }));
    box.append(el('ul', { class: 'tie-list' }, ties.map((t) => {
      const outgoing = t.source === rec;
      const partner = outgoing ? t.target : t.source;
      const arrow = !t.directed ? '—' : outgoing ? '→' : '←';
      return el('li', { class: tieShown(t) ? '' : 'filtered-out' }, [
        el('div', { class: 'tie-head' }, [
          el('span', { class: 'tie-arrow', text: arrow, title: t.directed ? (outgoing ? 'outgoing' : 'incoming') : 'undirected' }),
          nodeLink(partner),
          ...badges(t),
        ]),
        el('div', { class: 'tie-meta' }, [datesText(t), t.confidence, t.id ? el('button', {
          type: 'button', class: 'link', text: t.id, title: 'show this tie', onclick: () => focusTie(t),
        }) : null].filter(Boolean).flatMap((x, i) => (i ? [' · ', x] : [x]))),
        ...t.evidence.map(evidenceBlock),
      ]);
    })));
  }

  function renderTie(t) {
    const box = $('details');
    box.textContent = '';
    box.append(el('h2', { text: `${t.type} tie` }));
    box.append(el('div', { class: 'key', text: t.id }));
    if (!tieShown(t)) box.append(el('div', { class: 'note', text: 'Not shown at the current date and filters.' }));
    box.append(factsTable([
      [t.directed ? 'from' : 'between', nodeLink(t.source)],
      [t.directed ? 'to' : 'and', nodeLink(t.target)],
      ['type', t.type],
      ['status', el('span', { class: `badge status-${t.status}`, text: t.status })],
      ['confidence', t.confidence || '—'],
      ['direction', t.directed ? 'directed' : 'undirected'],
      ['strength', formatMeasure(t.strength)],
      ['dates', datesText(t)],
      ...propertyRows(t.properties),
    ]));
    box.append(el('h3', { text: `Evidence (${t.evidence.length})` }));
    if (!t.evidence.length) box.append(el('div', { class: 'placeholder', text: 'No evidence recorded.' }));
    for (const e of t.evidence) box.append(evidenceBlock(e));
  }

  function renderEmpty() {
    const box = $('details');
    box.textContent = '';
    box.append(el('div', { class: 'placeholder', text: nodeRecs.length
      ? 'Click an institution or a tie, or search above, to see its details and evidence.'
      : 'This network has no institutions to show.' }));
  }

  function refreshDetails() {
    if (!shown) renderEmpty();
    else if (shown.kind === 'node') renderNode(shown.rec);
    else renderTie(shown.rec);
  }

  function clearHighlight() {
    cy.batch(() => {
      cy.elements('.neighbour').removeClass('neighbour');
      cy.elements(':selected').unselect();
    });
  }

  function showNode(rec) {
    clearHighlight();
    cy.batch(() => {
      rec.ele.select();
      const edges = rec.ele.connectedEdges();
      edges.addClass('neighbour');
      edges.connectedNodes().addClass('neighbour');
    });
    shown = { kind: 'node', rec };
    placeLabels();
    renderNode(rec);
    $('sidebar').scrollTop = 0;
  }

  function showTie(t) {
    clearHighlight();
    cy.batch(() => {
      t.ele.select();
      t.source.ele.addClass('neighbour');
      t.target.ele.addClass('neighbour');
    });
    shown = { kind: 'tie', rec: t };
    placeLabels();
    renderTie(t);
    $('sidebar').scrollTop = 0;
  }

  function clearSelection() {
    clearHighlight();
    shown = null;
    placeLabels();
    renderEmpty();
  }

  // The pan is computed from model positions because a node hidden by a filter has no bounding
  // box for Cytoscape's own centring to use, and the reader may still ask to go to it.
  function moveTo(x, y, zoom) {
    userMoved = true;
    cy.stop(true, true);
    cy.animate({ zoom, pan: { x: cy.width() / 2 - x * zoom, y: cy.height() / 2 - y * zoom } }, { duration: 350 });
  }

  function focusNode(rec) {
    showNode(rec);
    const p = rec.ele.position();
    moveTo(p.x, p.y, Math.max(cy.zoom(), Math.min(cy.maxZoom(), fitZoom * 1.8)));
  }

  function focusTie(t) {
    showTie(t);
    const a = t.source.ele.position();
    const b = t.target.ele.position();
    moveTo((a.x + b.x) / 2, (a.y + b.y) / 2, cy.zoom());
  }

  cy.on('tap', 'node', (e) => {
    const rec = nodeById.get(e.target.id());
    if (rec) showNode(rec);
  });
  cy.on('tap', 'edge', (e) => {
    const t = tieByEid.get(e.target.id());
    if (t) showTie(t);
  });
  cy.on('tap', (e) => {
    if (e.target === cy) clearSelection();
  });

  // ---- Search -------------------------------------------------------------------------------
  const squash = (s) => s.replace(/\s+/g, '');
  const searchIndex = nodeRecs.map((r) => {
    const keys = [r.name, ...r.aliases, r.id].map(normalize);
    return { rec: r, keys, squashed: keys.map(squash) };
  });

  // Exact beats prefix beats substring; spacing is ignored as a last resort because Korean
  // institution names are written both with and without spaces between their parts.
  function search(query, limit) {
    const q = normalize(query).trim();
    if (!q) return [];
    const qs = squash(q);
    const hits = [];
    for (const entry of searchIndex) {
      let score = Infinity;
      let via = '';
      entry.keys.forEach((k, i) => {
        let s = Infinity;
        if (k === q) s = 0;
        else if (k.startsWith(q)) s = 1;
        else if (k.includes(q)) s = 2;
        else if (qs && entry.squashed[i].includes(qs)) s = 3;
        if (i > 0) s += 0.5; // prefer hits on the display name
        if (s < score) {
          score = s;
          via = i === 0 ? '' : i <= entry.rec.aliases.length ? entry.rec.aliases[i - 1] : entry.rec.id;
        }
      });
      if (score < Infinity) hits.push({ rec: entry.rec, score, via });
    }
    hits.sort((a, b) => a.score - b.score || b.rec.size - a.rec.size || a.rec.name.length - b.rec.name.length);
    return hits.slice(0, limit);
  }

  const searchInput = $('search');
  const suggestBox = $('search-suggestions');
  let suggestions = [];
  let activeSuggestion = -1;

  function hideSuggestions() {
    suggestBox.hidden = true;
    suggestBox.textContent = '';
    suggestions = [];
    activeSuggestion = -1;
  }

  function renderSuggestions(message) {
    suggestBox.textContent = '';
    if (message) {
      suggestBox.append(el('li', { class: 'empty', text: message }));
    }
    suggestions.forEach((h, i) => {
      suggestBox.append(el('li', {
        role: 'option',
        class: i === activeSuggestion ? 'active' : '',
        'aria-selected': i === activeSuggestion ? 'true' : 'false',
        onmousedown: (e) => e.preventDefault(), // keep focus so the click lands before blur hides the list
        onclick: () => pick(h.rec),
      }, [
        swatch(colorOf(h.rec)),
        el('span', { text: h.rec.name }),
        el('span', { class: 'hint', text: h.via && h.via !== h.rec.name ? h.via : h.rec.sector }),
      ]));
    });
    suggestBox.hidden = !message && !suggestions.length;
  }

  function pick(rec) {
    hideSuggestions();
    searchInput.value = rec.name;
    focusNode(rec);
  }

  searchInput.addEventListener('input', () => {
    suggestions = search(searchInput.value, SUGGESTIONS);
    activeSuggestion = -1;
    renderSuggestions();
  });
  searchInput.addEventListener('keydown', (e) => {
    if (e.isComposing || e.keyCode === 229) return; // Enter that ends Hangul composition is not a search
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!suggestions.length) return;
      e.preventDefault();
      const n = suggestions.length;
      activeSuggestion = e.key === 'ArrowDown' ? (activeSuggestion + 1) % n : (activeSuggestion - 1 + n) % n;
      renderSuggestions();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hits = activeSuggestion >= 0 ? [suggestions[activeSuggestion]] : search(searchInput.value, 1);
      if (hits.length) pick(hits[0].rec);
      else if (searchInput.value.trim()) {
        suggestions = [];
        renderSuggestions(`No institution matches “${searchInput.value.trim()}”.`);
      }
    } else if (e.key === 'Escape') {
      hideSuggestions();
    }
  });
  searchInput.addEventListener('blur', hideSuggestions);
  searchInput.addEventListener('focus', () => {
    if (searchInput.value.trim()) {
      suggestions = search(searchInput.value, SUGGESTIONS);
      renderSuggestions();
    }
  });

  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && document.activeElement !== searchInput) clearSelection();
  });

  // ---- Wiring -------------------------------------------------------------------------------
  document.title = DATA.title ? String(DATA.title) : 'tiegraph map';
  $('title').textContent = document.title;
  $('subtitle').textContent = DATA.subtitle ? String(DATA.subtitle) : '';

  const colorSelect = $('color-by');
  const communityOption = colorSelect.querySelector('option[value="community"]');
  if (!communityList.length) {
    communityOption.disabled = true;
    communityOption.textContent = 'community (not computed)';
  }
  colorSelect.addEventListener('change', () => setColorBy(colorSelect.value));

  buildFilter('sector-filter', 'sector', sectorNames, countBy(nodeRecs, 'sector'),
    (name) => swatch(sectorColor.get(name) || FALLBACK_COLOR));
  buildFilter('type-filter', 'type', typeNames, countBy(tieRecs, 'type'));
  buildFilter('status-filter', 'status', statusNames, countBy(tieRecs, 'status'),
    (name) => el('span', { class: `line-sample ${name}` }));

  const slider = $('date-slider');
  slider.max = String(months.length);
  slider.disabled = !months.length;
  $('play').disabled = !months.length;
  slider.addEventListener('input', () => {
    stopPlay();
    setMonthIndex(Number(slider.value));
  });
  $('play').addEventListener('click', () => (playTimer === null ? startPlay() : stopPlay()));
  $('fit').addEventListener('click', () => {
    userMoved = false;
    fitView(true);
  });

  setColorBy(colorBy);
  setMonthIndex(months.length);

  window.tiegraphMap = {
    cy,
    months: months.map(monthLabel),
    monthCount: months.length, // setMonthIndex(monthCount) (or -1) shows all dates
    setMonthIndex,
    monthIndex: () => monthPos,
    setColorBy,
    selectNode: (id) => {
      const rec = nodeById.get(String(id));
      if (rec) focusNode(rec);
      return Boolean(rec);
    },
    clearSelection,
    search: (q) => search(q, SUGGESTIONS).map((h) => h.rec.id),
    counts: () => ({ ...stats }),
    fit: () => {
      userMoved = false;
      fitView(false);
    },
    // The nodes whose label placeLabels() chose, and whether a new choice is pending.
    labelled: () => nodeRecs.filter((r) => r.labelOn).map((r) => r.id),
    labelsPending: () => labelTimer !== null,
  };

  cy.ready(() => {
    refit();
    lastSize = { w: cy.width(), h: cy.height() };
    // Two frames: the first lets Cytoscape schedule its draw, the second runs after it.
    requestAnimationFrame(() => requestAnimationFrame(() => { document.body.dataset.ready = '1'; }));
  });
})();
