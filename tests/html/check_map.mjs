// Opens a map written by tiegraph (query/html/map.html filled with a network) in headless Chromium
// and uses it as a reader would, failing with a one-line reason at the first thing that is wrong:
//   - the page loads from file:// and asks for nothing but file:, data: and blob: URLs
//     (anything else is aborted and fails the check: the map has to work offline);
//   - no console error or warning and no uncaught exception;
//   - the app reports ready (document.body.dataset.ready === "1") within 15 s;
//   - the graph holds exactly --nodes nodes and --ties edges;
//   - the first view fills its canvas: the rendered bounding box of the visible node discs lies
//     inside the canvas, spans at least 80% of its width or of its height, and its centre is
//     within 5% of the canvas width (and height) of the canvas centre; and so it does again after
//     the window is made narrow and wide again (the map refits until the reader moves it);
//   - at the first view no two visible node discs overlap (centres closer than the sum of the
//     rendered radii less 0.5 px) and no two shown labels overlap. A label is "shown" when its node
//     is visible, has label text and a non-zero text-opacity; its box is Cytoscape's own rendered
//     bounding box of that label alone (the test does not trust the page's list);
//   - at least 5 labels (all, if fewer nodes) are shown at the first view, the biggest node's among
//     them;
//   - selecting (tapping) a node unlabelled at the first view shows its label, still without overlaps;
//   - zooming in 2.5x about the canvas centre shows more labels among the nodes then on screen
//     than those same nodes had at the first view, still without overlaps;
//   - typing --search into the search box and pressing Enter selects and centres the institution
//     named --expect-name, shows it in the details panel and its label on the map (no overlaps);
//   - a real mouse click on an institution with a tie whose evidence quote contains
//     --expect-quote shows that institution, quote included, in the details panel;
//   - the date slider at its first stop shows fewer ties than at its last one (when ties are dated);
//   - unticking a sector hides that sector's institutions and ticking it restores them;
//   - the full-page screenshot, decoded pixel by pixel, shows at least --min-pixels pixels of each
//     of at least --min-colors sector colours inside the graph area.
//
// Run (CTest does this from the build directory):
//   node tests/html/check_map.mjs --html MAP.html --screenshot OUT.png --nodes N --ties M \
//        --search QUERY --expect-name NAME --expect-quote TEXT [--min-pixels 300] [--min-colors 3]
// playwright-core is taken from $TIEGRAPH_NODE_MODULES (a node_modules folder) when set, else from
// NODE_PATH, the working directory or this script's folder. Chromium is Debian's /usr/bin/chromium
// ($TIEGRAPH_CHROMIUM overrides); Playwright's own browser downloads are never used.

import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

class CheckFailure extends Error {}
const fail = (reason) => { throw new CheckFailure(reason); };

function parseArgs(argv) {
  const opts = { minPixels: 300, minColors: 3 };
  const names = {
    '--html': 'html', '--screenshot': 'screenshot', '--nodes': 'nodes', '--ties': 'ties',
    '--search': 'search', '--expect-name': 'expectName', '--expect-quote': 'expectQuote',
    '--min-pixels': 'minPixels', '--min-colors': 'minColors',
  };
  for (let i = 0; i < argv.length; i++) {
    const key = names[argv[i]];
    if (!key || i + 1 >= argv.length) fail(`bad argument ${JSON.stringify(argv[i])} (see the header of check_map.mjs)`);
    opts[key] = argv[++i];
  }
  for (const k of ['html', 'screenshot', 'nodes', 'ties', 'search', 'expectName', 'expectQuote']) {
    if (opts[k] === undefined) fail(`missing --${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`);
  }
  for (const k of ['nodes', 'ties', 'minPixels', 'minColors']) {
    opts[k] = Number(opts[k]);
    if (!Number.isInteger(opts[k]) || opts[k] < 0) fail(`--${k} must be a non-negative integer`);
  }
  return opts;
}

// ESM import ignores NODE_PATH and the working directory, while the build installs playwright-core
// outside this script's tree, so resolution goes through require() from the likely places first.
async function loadPlaywright() {
  const bases = [];
  if (process.env.TIEGRAPH_NODE_MODULES) bases.push(path.resolve(process.env.TIEGRAPH_NODE_MODULES, 'x.js'));
  bases.push(path.join(process.cwd(), 'x.js'), fileURLToPath(import.meta.url));
  for (const base of bases) {
    try {
      return createRequire(base)('playwright-core');
    } catch { /* try the next place */ }
  }
  if (process.env.TIEGRAPH_NODE_MODULES) {
    try {
      return createRequire(import.meta.url)(path.resolve(process.env.TIEGRAPH_NODE_MODULES, 'playwright-core'));
    } catch { /* fall through to import() */ }
  }
  try {
    return await import('playwright-core');
  } catch {
    return fail('cannot load playwright-core: set TIEGRAPH_NODE_MODULES to a node_modules folder holding it');
  }
}

const ALLOWED = /^(file|data|blob):/i;

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const htmlPath = path.resolve(opts.html);
  if (!existsSync(htmlPath)) fail(`no such file: ${htmlPath}`);
  const executablePath = process.env.TIEGRAPH_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) fail(`Chromium not found at ${executablePath}`);

  const { chromium } = await loadPlaywright();
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const forbidden = [];
  const consoleProblems = [];
  let page = null;
  let screenshotTaken = false;
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (ALLOWED.test(url)) return route.continue();
      forbidden.push(url);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.setDefaultTimeout(10000);
    page.on('request', (req) => {
      if (!ALLOWED.test(req.url()) && !forbidden.includes(req.url())) forbidden.push(req.url());
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') consoleProblems.push(`console ${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => consoleProblems.push(`page error: ${err.message}`));
    const healthy = () => {
      if (forbidden.length) fail(`the page requested a non-local URL: ${forbidden[0]}`);
      if (consoleProblems.length) fail(consoleProblems[0].replace(/\s+/g, ' '));
    };

    const summary = [];
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    if (!page.url().startsWith('file:')) fail(`page is not on file:// but ${page.url()}`);
    try {
      await page.waitForFunction(() => document.body && document.body.dataset.ready === '1', null, { timeout: 15000 });
    } catch {
      healthy();
      fail('the map did not report ready (document.body.dataset.ready) within 15 s');
    }
    healthy();

    // ---- size
    const size = await page.evaluate(() => {
      const m = window.tiegraphMap;
      return m && m.cy ? { nodes: m.cy.nodes().length, edges: m.cy.edges().length } : null;
    });
    if (!size) fail('window.tiegraphMap.cy is missing');
    if (size.nodes !== opts.nodes) fail(`the graph has ${size.nodes} nodes, expected ${opts.nodes}`);
    if (size.edges !== opts.ties) fail(`the graph has ${size.edges} edges, expected ${opts.ties}`);
    summary.push(`${size.nodes} nodes, ${size.edges} ties`);

    const idle = () => page.waitForFunction(() => !window.tiegraphMap.cy.animated(), null, { timeout: 5000 });
    // Cytoscape restyles elements lazily, on its next frame, and visible() reads the stale style
    // until then; so let two frames pass after each action before asking what is shown.
    const settle = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

    // ---- first view: the network fills the canvas, nothing overlaps, labels thin out by size
    // The page recomputes its labels a little after the view stops moving; wait for that, then
    // for Cytoscape's next frames so that the styles read back are the ones drawn.
    const labelsDone = async () => {
      await page.waitForFunction(() => {
        const m = window.tiegraphMap;
        return !m.cy.animated() && !(m.labelsPending && m.labelsPending());
      }, null, { timeout: 5000 });
      await settle();
    };
    const view = () => page.evaluate(() => {
      const cy = window.tiegraphMap.cy;
      const W = cy.width(), H = cy.height();
      const nodes = cy.nodes(':visible');
      const bb = nodes.renderedBoundingBox({ includeLabels: false, includeEdges: false, includeOverlays: false, includeUnderlays: false });
      const discs = nodes.map((n) => ({ id: n.id(), p: n.renderedPosition(), r: n.renderedOuterWidth() / 2 }));
      let nodeOverlap = null;
      for (let i = 0; i < discs.length && !nodeOverlap; i++) {
        for (let j = i + 1; j < discs.length; j++) {
          const a = discs[i], b = discs[j];
          if (Math.hypot(a.p.x - b.p.x, a.p.y - b.p.y) < a.r + b.r - 0.5) { nodeOverlap = `${a.id} and ${b.id}`; break; }
        }
      }
      const labels = [];
      nodes.forEach((n) => {
        if (!n.pstyle('label').strValue || !(n.pstyle('text-opacity').value > 0)) return;
        const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, includeUnderlays: false });
        if (b.w > 0 && b.h > 0) labels.push({ id: n.id(), name: n.data('name'), x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2 });
      });
      let labelOverlap = null;
      for (let i = 0; i < labels.length && !labelOverlap; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const a = labels[i], b = labels[j];
          if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) {
            labelOverlap = `${JSON.stringify(a.name)} [${[a.x1, a.y1, a.x2, a.y2].map(Math.round)}] and ${JSON.stringify(b.name)} [${[b.x1, b.y1, b.x2, b.y2].map(Math.round)}]`;
            break;
          }
        }
      }
      const onScreen = discs.filter((d) => d.p.x >= 0 && d.p.x <= W && d.p.y >= 0 && d.p.y <= H).map((d) => d.id);
      let biggest = null;
      nodes.forEach((n) => { if (!biggest || n.data('size') > biggest.data('size')) biggest = n; });
      return {
        W, H, bb: { x1: bb.x1, x2: bb.x2, y1: bb.y1, y2: bb.y2, w: bb.w, h: bb.h },
        nodeOverlap, labels: labels.map((l) => l.id), labelOverlap, onScreen,
        biggest: biggest ? { id: biggest.id(), name: biggest.data('name') } : null,
      };
    });
    const fills = (v, when) => {
      const { W, H, bb } = v;
      const share = Math.max(bb.w / W, bb.h / H);
      const dx = ((bb.x1 + bb.x2) / 2 - W / 2) / W, dy = ((bb.y1 + bb.y2) / 2 - H / 2) / H;
      const fmt = (x) => `${Math.round(x * 100)}%`;
      if (bb.x1 < -0.5 || bb.y1 < -0.5 || bb.x2 > W + 0.5 || bb.y2 > H + 0.5) {
        fail(`${when}: the nodes [${[bb.x1, bb.y1, bb.x2, bb.y2].map(Math.round)}] stick out of the ${W}x${H} canvas`);
      }
      if (share < 0.8) fail(`${when}: the nodes span ${fmt(bb.w / W)} of the canvas width and ${fmt(bb.h / H)} of its height (need 80% of one)`);
      if (Math.abs(dx) > 0.05 || Math.abs(dy) > 0.05) {
        fail(`${when}: the nodes are off centre by ${fmt(dx)} of the width and ${fmt(dy)} of the height (at most 5%)`);
      }
      return `${fmt(bb.w / W)} x ${fmt(bb.h / H)} of ${W}x${H}`;
    };
    const apart = (v, when) => {
      if (v.nodeOverlap) fail(`${when}: the nodes ${v.nodeOverlap} overlap`);
      if (v.labelOverlap) fail(`${when}: the labels ${v.labelOverlap} overlap`);
    };
    await labelsDone();
    const first = await view();
    const firstFill = fills(first, 'first view');
    apart(first, 'first view');
    const wantLabels = Math.min(5, size.nodes);
    if (first.labels.length < wantLabels) fail(`first view: ${first.labels.length} labels shown, expected at least ${wantLabels}`);
    if (first.biggest && !first.labels.includes(first.biggest.id)) fail(`first view: the biggest node ${JSON.stringify(first.biggest.name)} has no label`);
    summary.push(`first view: nodes span ${firstFill}, ${first.labels.length} labels, no overlaps`);

    // A node left unlabelled at this scale gets its label once selected (tapped), the rest give way.
    const lesser = first.onScreen.find((id) => !first.labels.includes(id));
    if (lesser) {
      await page.evaluate((id) => window.tiegraphMap.cy.getElementById(id).emit('tap'), lesser);
      await labelsDone();
      const picked = await view();
      if (!picked.labels.includes(lesser)) fail(`first view: the selected node ${lesser}, unlabelled before, shows no label`);
      apart(picked, `first view with ${lesser} selected`);
      await page.evaluate(() => window.tiegraphMap.clearSelection());
      await labelsDone();
    }

    // Zoom in about the centre: the nodes then on screen must carry more labels than they did.
    await page.evaluate(() => {
      const cy = window.tiegraphMap.cy;
      cy.zoom({ level: cy.zoom() * 2.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    });
    await labelsDone();
    const zoomed = await view();
    apart(zoomed, 'zoomed in 2.5x');
    const labelsBefore = zoomed.onScreen.filter((id) => first.labels.includes(id)).length;
    const labelsAfter = zoomed.onScreen.filter((id) => zoomed.labels.includes(id)).length;
    if (!(labelsAfter > labelsBefore)) fail(`zoomed in 2.5x: the ${zoomed.onScreen.length} nodes on screen show ${labelsAfter} labels, no more than at the first view (${labelsBefore})`);
    summary.push(`zoom 2.5x: ${labelsBefore} -> ${labelsAfter} labels among ${zoomed.onScreen.length} nodes on screen`);

    // A narrow window, then a wide one again: the untouched map refits to its canvas each time.
    await page.evaluate(() => window.tiegraphMap.fit());
    for (const width of [760, 1400]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForFunction((w) => {
        const cy = window.tiegraphMap.cy;
        return cy.container().clientWidth === cy.width() && document.documentElement.clientWidth === w;
      }, width, { timeout: 5000 });
      await page.waitForTimeout(250); // Cytoscape notices a resize after a 100 ms debounce
      await labelsDone();
      const v = await view();
      fills(v, `after resizing the window to ${width} px`);
      apart(v, `after resizing the window to ${width} px`);
    }
    healthy();

    // ---- search
    await page.fill('#search', opts.search);
    await page.press('#search', 'Enter');
    try {
      await page.waitForFunction((name) => {
        const sel = window.tiegraphMap.cy.nodes(':selected');
        const h = document.querySelector('#details h2');
        return sel.length === 1 && sel[0].data('name') === name && h && h.textContent === name;
      }, opts.expectName, { timeout: 5000 });
    } catch {
      const got = await page.evaluate(() => {
        const sel = window.tiegraphMap.cy.nodes(':selected');
        return sel.length ? sel[0].data('name') : '(nothing selected)';
      });
      fail(`searching ${JSON.stringify(opts.search)} + Enter selected ${JSON.stringify(got)}, expected ${JSON.stringify(opts.expectName)}`);
    }
    await idle();
    const centred = await page.evaluate(() => {
      const cy = window.tiegraphMap.cy;
      const p = cy.nodes(':selected')[0].renderedPosition();
      return Math.abs(p.x - cy.width() / 2) < cy.width() * 0.1 && Math.abs(p.y - cy.height() / 2) < cy.height() * 0.1;
    });
    if (!centred) fail(`the search hit ${JSON.stringify(opts.expectName)} was not centred in the view`);
    await labelsDone();
    const searched = await view();
    const hitId = await page.evaluate(() => window.tiegraphMap.cy.nodes(':selected')[0].id());
    if (!searched.labels.includes(hitId)) fail(`the search hit ${JSON.stringify(opts.expectName)} shows no label`);
    apart(searched, 'after the search');
    healthy();
    summary.push(`search ${JSON.stringify(opts.search)} -> ${opts.expectName}`);
    // The institution's custom properties, as the data gives them, are in its details.
    const shownProps = await page.evaluate((id) => {
      const node = window.TIEGRAPH_DATA.nodes.find((n) => n.id === id);
      const props = (node && node.properties) || {};
      const text = document.querySelector('#details').innerText;
      return Object.entries(props).map(([k, v]) => [k, String(v), text.includes(k)]);
    }, hitId);
    for (const [k, , shownKey] of shownProps) {
      if (!shownKey) fail(`the details of ${hitId} do not show its property ${JSON.stringify(k)}`);
    }
    summary.push(`${shownProps.length} properties in the details`);

    // ---- click on a node with evidence
    const candidates = await page.evaluate((quote) => {
      const data = window.TIEGRAPH_DATA;
      const size = new Map(data.nodes.map((n) => [n.id, n.size || 0]));
      const ids = [];
      for (const t of data.ties) {
        if (!(t.evidence || []).some((e) => String(e.quote || '').includes(quote))) continue;
        for (const id of [t.source, t.target]) if (!ids.includes(id)) ids.push(id);
      }
      return ids.sort((a, b) => size.get(b) - size.get(a));
    }, opts.expectQuote);
    if (!candidates.length) fail(`no tie in TIEGRAPH_DATA has an evidence quote containing ${JSON.stringify(opts.expectQuote)}`);
    let clicked = null;
    const misses = [];
    for (const id of candidates) {
      await page.evaluate(() => window.tiegraphMap.clearSelection());
      const target = await page.evaluate((nodeId) => {
        const cy = window.tiegraphMap.cy;
        const node = cy.getElementById(nodeId);
        cy.stop(true, true);
        // Centre the node and make it big enough to hit, clear of the overlays at the edges.
        const zoom = Math.min(cy.maxZoom(), Math.max(cy.zoom(), 28 / Math.max(1, node.width())));
        cy.zoom(zoom);
        cy.center(node);
        const box = cy.container().getBoundingClientRect();
        const p = node.renderedPosition();
        const x = box.left + p.x;
        const y = box.top + p.y;
        const hit = document.elementFromPoint(x, y);
        return { x, y, onCanvas: Boolean(hit && cy.container().contains(hit)), name: node.data('name') };
      }, id);
      if (!target.onCanvas) {
        misses.push(`${id}: covered by another element`);
        continue;
      }
      await page.mouse.click(target.x, target.y);
      const got = await page.evaluate(() => {
        const sel = window.tiegraphMap.cy.nodes(':selected');
        return { id: sel.length ? sel[0].id() : null, text: document.querySelector('#details').innerText };
      });
      if (got.id !== id) {
        misses.push(`${id}: the click selected ${got.id || 'nothing'}`);
        continue;
      }
      if (!got.text.includes(target.name)) fail(`clicking ${id} did not show its name in the details panel`);
      if (!got.text.includes(opts.expectQuote)) fail(`clicking ${id} did not show the quote ${JSON.stringify(opts.expectQuote)} in the details panel`);
      clicked = id;
      break;
    }
    if (!clicked) fail(`clicking the institutions with the quote failed: ${misses.join('; ')}`);
    healthy();
    summary.push(`click ${clicked} shows the quote`);

    // ---- dates
    const timeline = await page.evaluate(() => ({
      months: window.tiegraphMap.monthCount,
      dated: window.TIEGRAPH_DATA.date_range !== null && window.TIEGRAPH_DATA.ties.some((t) => t.since),
    }));
    if (timeline.dated) {
      if (!timeline.months) fail('the ties are dated but the date slider has no months');
      const visible = () => page.evaluate(() => ({
        edges: window.tiegraphMap.cy.edges(':visible').length,
        label: document.querySelector('#month-label').textContent,
      }));
      await page.focus('#date-slider');
      await page.keyboard.press('Home');
      await settle();
      const first = await visible();
      await page.keyboard.press('End');
      await settle();
      const last = await visible();
      if (!(first.edges < last.edges)) {
        fail(`the date slider shows ${first.edges} ties at its first stop (${first.label}) and ${last.edges} at its last (${last.label}); expected fewer at the first`);
      }
      if (last.edges !== opts.ties) fail(`the date slider's last stop shows ${last.edges} ties, expected all ${opts.ties}`);
      summary.push(`dates: ${first.edges} ties at ${first.label}, ${last.edges} at ${last.label}`);
    } else {
      summary.push('dates: no dated ties, slider not checked');
    }
    healthy();

    // ---- sector filter
    const sector = await page.evaluate(() => {
      const data = window.TIEGRAPH_DATA;
      const used = new Set(data.nodes.map((n) => n.sector));
      const s = data.sectors.find((x) => used.has(x.name) && data.nodes.some((n) => n.sector !== x.name));
      return s ? s.name : null;
    });
    if (!sector) fail('no sector to filter on (need nodes in at least two sectors)');
    const sectorBox = `#sector-filter input[value=${JSON.stringify(sector)}]`;
    const visibility = () => page.evaluate((name) => {
      const cy = window.tiegraphMap.cy;
      const bySector = new Map(window.TIEGRAPH_DATA.nodes.map((n) => [n.id, n.sector]));
      let inShown = 0; let inHidden = 0; let otherShown = 0; let otherHidden = 0;
      cy.nodes().forEach((n) => {
        const mine = bySector.get(n.id()) === name;
        if (n.visible()) mine ? inShown++ : otherShown++;
        else mine ? inHidden++ : otherHidden++;
      });
      return { inShown, inHidden, otherShown, otherHidden, edges: cy.edges(':visible').length };
    }, sector);
    await settle();
    const before = await visibility();
    await page.uncheck(sectorBox);
    await settle();
    const unticked = await visibility();
    if (unticked.inShown !== 0) fail(`unticking sector ${sector} left ${unticked.inShown} of its institutions visible`);
    if (unticked.otherHidden !== before.otherHidden) fail(`unticking sector ${sector} hid institutions of other sectors`);
    await page.check(sectorBox);
    await settle();
    const reticked = await visibility();
    if (reticked.inShown !== before.inShown || reticked.edges !== before.edges) {
      fail(`ticking sector ${sector} again did not restore its institutions (${reticked.inShown}/${before.inShown} shown, ${reticked.edges}/${before.edges} ties)`);
    }
    healthy();
    summary.push(`sector ${sector}: ${before.inShown} hidden and restored`);

    // ---- screenshot, read back by its pixels
    await page.evaluate(() => window.tiegraphMap.clearSelection());
    // The pixels are counted against the sector colours, whichever colouring the map opened with.
    await page.selectOption('#color-by', 'sector');
    await page.click('#fit');
    await idle();
    await page.mouse.move(1, 1);
    await page.screenshot({ path: opts.screenshot, fullPage: true });
    screenshotTaken = true;
    const png = readFileSync(opts.screenshot).toString('base64');
    const pixels = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      ctx.drawImage(img, 0, 0);
      const r = document.querySelector('#cy').getBoundingClientRect();
      const x0 = Math.max(0, Math.round(r.left));
      const y0 = Math.max(0, Math.round(r.top));
      const w = Math.min(canvas.width - x0, Math.round(r.width));
      const h = Math.min(canvas.height - y0, Math.round(r.height));
      const px = ctx.getImageData(x0, y0, w, h).data;
      const hex = (c) => {
        let s = String(c).replace('#', '');
        if (s.length === 3) s = s.split('').map((ch) => ch + ch).join('');
        return [0, 2, 4].map((i) => parseInt(s.slice(i, i + 2), 16));
      };
      const sectors = window.TIEGRAPH_DATA.sectors.map((s) => ({ name: s.name, rgb: hex(s.color), count: 0 }));
      for (let i = 0; i < px.length; i += 4) {
        for (const s of sectors) {
          if (Math.abs(px[i] - s.rgb[0]) <= 40 && Math.abs(px[i + 1] - s.rgb[1]) <= 40 && Math.abs(px[i + 2] - s.rgb[2]) <= 40) s.count++;
        }
      }
      return { area: `${w}x${h}`, counts: sectors.map((s) => [s.name, s.count]) };
    }, png);
    const counts = pixels.counts.map(([name, n]) => `${name} ${n}`).join(', ');
    console.log(`pixels by sector colour in the ${pixels.area} graph area: ${counts}`);
    const strong = pixels.counts.filter(([, n]) => n >= opts.minPixels).length;
    if (strong < opts.minColors) {
      fail(`only ${strong} sector colours reach ${opts.minPixels} pixels in the screenshot (need ${opts.minColors})`);
    }
    healthy();
    summary.push(`${strong} sector colours drawn`);

    console.log(`check_map: ok: ${summary.join('; ')}; screenshot ${opts.screenshot}`);
  } catch (err) {
    if (page && !screenshotTaken) {
      // A picture of the failing state helps more than the one-line reason alone.
      try { await page.screenshot({ path: opts.screenshot, fullPage: true }); } catch { /* best effort */ }
    }
    throw err;
  } finally {
    await browser.close();
  }
}

main().then(() => process.exit(0), (err) => {
  const reason = err instanceof CheckFailure ? err.message : `unexpected error: ${String(err && err.message || err).split('\n')[0]}`;
  console.error(`check_map: FAIL: ${reason}`);
  process.exit(1);
});
