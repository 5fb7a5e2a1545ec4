// The page's main-thread tasks while it loads the shipped data, measured in a real run (not
// Lighthouse's simulation): Chromium at phone size with its CPU slowed down RATE times (4, as
// Lighthouse's mobile preset), RUNS loads. Prints, per load, the long tasks (> 50 ms) after
// the first paint with the phase they fall in (the app's performance marks), then a summary.
//
//   node bench/lighthouse/tasks.mjs URL [RUNS=5] [RATE=4]
//
// With TASKS_TIMELINE=1 it also prints each load's marks and long tasks in time order; with
// TASKS_NETWORK_AGENT=1 DevTools' network agent stays on (see below).
//
// puppeteer-core comes with the pinned Lighthouse (same node_modules).
import puppeteer from 'puppeteer-core';

const [url, runs = 5, rate = 4] = [process.argv[2], Number(process.argv[3] || 5), Number(process.argv[4] || 4)];
// Over this many milliseconds a task counts as long (the Long Tasks API's own threshold).
const LONG_TASK_MS = 50;
// The app's own marks (performance.mark "leerkaart:…", set in src/app) name each task's phase.

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: 'new',
  // TASKS_CHROME_ARGS: more flags, e.g. `--js-flags=--no-wasm-lazy-compilation` to see what
  // V8 compiling each wasm function on its first call costs (a page cannot set it).
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', ...(process.env.TASKS_CHROME_ARGS || '').split(' ').filter(Boolean)],
});
const summary = [];
for (let run = 0; run < runs; run++) {
  // A first visit, as Lighthouse's: a context of its own per load, so that neither the HTTP
  // cache nor V8's cache of the compiled wasm (kept beside it, which spares the next loads
  // compiling each function on its first call) carries over from the load before.
  const context = process.env.TASKS_WARM ? browser.defaultBrowserContext() : await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({width: 390, height: 844, isMobile: true, deviceScaleFactor: 1});
  // DevTools' network agent (which puppeteer turns on, as Lighthouse does) decodes every
  // text response on the page's main thread to keep it for DevTools: for the 3.7 MB dataset
  // that is a ~100 ms task at 4× that a user's browser never runs (seen in a trace with and
  // without DevTools attached). Off, unless TASKS_NETWORK_AGENT=1.
  if (!process.env.TASKS_NETWORK_AGENT) await page._client().send('Network.disable');
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', {rate});
  await page.evaluateOnNewDocument(() => {
    window.__tasks = [];
    new PerformanceObserver(l => l.getEntries().forEach(e => window.__tasks.push([e.startTime, e.duration])))
      .observe({type: 'longtask', buffered: true});
  });
  await page.goto(url, {waitUntil: 'load'});
  await page.waitForFunction(() => performance.getEntriesByName('leerkaart:rendered-page').length > 0, {timeout: 120000});
  await new Promise(r => setTimeout(r, 1500));
  const got = await page.evaluate(() => ({
    tasks: window.__tasks,
    fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
    marks: performance.getEntriesByType('mark').filter(m => m.name.startsWith('leerkaart:')).map(m => [m.name.slice(10), m.startTime]),
    // None at phone size: the map is made when its pane is first shown.
    firstMarkers: (window.leerkaartPerf || {}).first_markers_at_ms,
    // The app's published moments (`…_at_ms`: data fetched, data complete, first markers).
    moments: Object.entries(window.leerkaartPerf || {}).filter(([k]) => k.endsWith('_at_ms')),
  }));
  await page.close();
  if (!process.env.TASKS_WARM) await context.close();
  const after = got.tasks.filter(([s, d]) => s + d > got.fcp && d > LONG_TASK_MS);
  // A task's phase: the app's last mark before the task ends.
  const phase = ([s, d]) => {
    const before = got.marks.filter(([, t]) => t <= s + d).map(([n]) => n);
    return before.length ? `(through ${before[before.length - 1]})` : '(before the app)';
  };
  const blocking = after.reduce((a, [, d]) => a + d - LONG_TASK_MS, 0);
  console.log(`load ${run + 1}: first paint ${got.fcp.toFixed(0)} ms, first rows ${got.marks.find(([n]) => n === 'rendered')?.[1].toFixed(0)} ms, ` +
    `first markers ${got.firstMarkers ? got.firstMarkers.toFixed(0) + ' ms' : '— (map not opened)'}; ` +
    `${after.length} long tasks after the first paint (${blocking.toFixed(0)} ms over ${LONG_TASK_MS} ms): ` +
    after.map(t => `${t[1].toFixed(0)} ms ${phase(t)}`).join(', '));
  if (process.env.TASKS_TIMELINE) {
    // Every mark and every task over LONG_TASK_MS in time order: which work a long task holds.
    const rows = got.marks.map(([n, t]) => [t, `mark ${n}`])
      .concat(got.moments.map(([n, t]) => [t, `at ${n.slice(0, -6)}`]))
      .concat(got.tasks.map(([s, d]) => [s, `task ${d.toFixed(0)} ms, ends ${(s + d).toFixed(0)}`]))
      .sort((a, b) => a[0] - b[0]);
    rows.forEach(([t, what]) => console.log(`  ${t.toFixed(0).padStart(6)} ms  ${what}`));
  }
  summary.push({count: after.length, longest: Math.max(0, ...after.map(t => t[1])), blocking});
}
await browser.close();
const median = xs => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`\n| CPU slowdown | loads | long tasks after first paint (median) | longest (median) | blocking time (median) |`);
console.log(`|---|---|---|---|---|`);
console.log(`| ${rate}× | ${runs} | ${median(summary.map(s => s.count))} | ${median(summary.map(s => s.longest)).toFixed(0)} ms | ${median(summary.map(s => s.blocking)).toFixed(0)} ms |`);
