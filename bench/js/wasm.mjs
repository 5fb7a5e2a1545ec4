// Runs the spatial benchmark compiled to WebAssembly (examples/wasm_bench.rs, bound with
// wasm-bindgen --target nodejs into target/bench/wasm/) with the gazetteer's towns as
// cluster centres, like the native benchmark. Prints table rows.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { run } = require('../../target/bench/wasm/wasm_bench.js');

const towns = [];
const lines = readFileSync('data/places.tsv', 'utf8').split('\n').filter(l => l && !l.startsWith('#'));
const head = lines[0].split('\t');
const col = n => head.indexOf(n);
for (const l of lines.slice(1)) {
  const f = l.split('\t');
  if (f[col('kind')] !== 'place') continue;
  towns.push(Number(f[col('lon')]), Number(f[col('lat')]), Math.max(500, Number(f[col('population')])));
}
process.stdout.write(run(new Float64Array(towns), new Uint32Array([10000, 100000, 1000000])));
