// Where the memory of a loaded dataset goes, in wasm32 as in the page: the heap after
// loading each file and after building its catalog (examples/wasm_bench.rs, `heap_by_step`,
// counted by the example's allocator). Reads the shipped data and the synthetic files the
// browser benchmark writes to target/bench/web/.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { heap_by_step } = require('../../target/bench/wasm/wasm_bench.js');

const files = ['dist/data/providers.geojson', ...[10000, 100000, 1000000].map(n => `target/bench/web/synthetic-${n}.geojson`)];
for (const f of files) {
  if (!existsSync(f)) continue;
  process.stdout.write(`${f}: ${heap_by_step(readFileSync(f))}`);
}
