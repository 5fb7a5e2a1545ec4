// kdbush, flatbush and supercluster on exactly the points and queries the Rust benchmark wrote
// to target/bench/input-<courses>.bin (run `cargo bench --bench spatial` first, or
// scripts/bench.sh). Prints rows in the same table format: min and median of several runs.
import { readFileSync, existsSync } from 'node:fs';
import KDBush from 'kdbush';
import Flatbush from 'flatbush';
import Supercluster from 'supercluster';

const SIZES = [10000, 100000, 1000000];
const K = 10;
const CLUSTER_ZOOM = 9;

function time(runs, f) {
  const t = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    f();
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  t.sort((a, b) => a - b);
  return [t[0], t[Math.floor(t.length / 2)]];
}

function row(impl, op, n, work, [min, med]) {
  console.log(`| ${impl} | ${op} | ${n} | ${work} | ${min.toFixed(3)} | ${med.toFixed(3)} |`);
}

let sink = 0;
for (const courses of SIZES) {
  const file = `target/bench/input-${courses}.bin`;
  if (!existsSync(file)) { console.error(`missing ${file}: run cargo bench --bench spatial first`); process.exit(1); }
  const buf = readFileSync(file);
  const f = new Float64Array(buf.buffer, buf.byteOffset, buf.byteLength / 8);
  let o = 0;
  const n = f[o++];
  const pts = f.subarray(o, o + 2 * n); o += 2 * n;
  const q = f[o++];
  const boxes = f.subarray(o, o + 4 * q); o += 4 * q;
  const centres = f.subarray(o, o + 2 * q);
  const runs = courses >= 1000000 ? 5 : 15;

  row('kdbush (node)', 'index build', courses, `${n} points`, time(runs, () => {
    const idx = new KDBush(n); for (let i = 0; i < n; i++) idx.add(pts[2 * i], pts[2 * i + 1]); idx.finish(); sink += idx.numItems;
  }));
  row('flatbush (node)', 'index build', courses, `${n} points`, time(runs, () => {
    const idx = new Flatbush(n); for (let i = 0; i < n; i++) idx.add(pts[2 * i], pts[2 * i + 1], pts[2 * i], pts[2 * i + 1]); idx.finish(); sink += idx.numItems;
  }));
  const kd = new KDBush(n); for (let i = 0; i < n; i++) kd.add(pts[2 * i], pts[2 * i + 1]); kd.finish();
  const fb = new Flatbush(n); for (let i = 0; i < n; i++) fb.add(pts[2 * i], pts[2 * i + 1], pts[2 * i], pts[2 * i + 1]); fb.finish();
  row('kdbush (node)', 'bbox query', courses, `${q} boxes`, time(runs, () => {
    for (let i = 0; i < q; i++) sink += kd.range(boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]).length;
  }));
  row('flatbush (node)', 'bbox query', courses, `${q} boxes`, time(runs, () => {
    for (let i = 0; i < q; i++) sink += fb.search(boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]).length;
  }));
  // Planar k-nearest in degrees (flatbush has no great-circle distance; ours is exact
  // great-circle, which costs a radius pass on top).
  row('flatbush (node)', 'k nearest', courses, `${q} × k=${K} (planar)`, time(runs, () => {
    for (let i = 0; i < q; i++) sink += fb.neighbors(centres[2 * i], centres[2 * i + 1], K).length;
  }));
  const features = [];
  for (let i = 0; i < n; i++) features.push({ type: 'Feature', properties: { id: i }, geometry: { type: 'Point', coordinates: [pts[2 * i], pts[2 * i + 1]] } });
  row('supercluster (node)', 'cluster (all points)', courses, `${n} points: load + getClusters zoom ${CLUSTER_ZOOM}`, time(runs, () => {
    const sc = new Supercluster({ radius: 60, maxZoom: 16 }).load(features);
    sink += sc.getClusters([-180, -85, 180, 85], CLUSTER_ZOOM).length;
  }));
}
if (sink < 0) console.log(sink);
