// Throughput of the jsonrepair npm package on the same corpus as RepairBenchmark, for comparison.
// Setup (once):  npm install --prefix /tmp/jsonrepair-bench jsonrepair@3
//                java -cp bench/target/benchmarks.jar dev.tagger.bench.WriteCorpus bench/target/corpus
// Run:           NODE_PATH=/tmp/jsonrepair-bench/node_modules node bench/jsonrepair-bench.mjs bench/target/corpus
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(join(process.env.NODE_PATH ?? '.', 'x.js'));
const { jsonrepair } = require('jsonrepair');
const dir = process.argv[2] ?? 'bench/target/corpus';

function run(text) {
  try { return jsonrepair(text).length; } catch (e) { return -1; }
}

for (const file of readdirSync(dir).filter(f => f.endsWith('.txt')).sort()) {
  const text = readFileSync(join(dir, file), 'utf8');
  const bytes = Buffer.byteLength(text, 'utf8');
  // warm up for about a second, then measure for about two
  let n = 0, start = process.hrtime.bigint();
  while (process.hrtime.bigint() - start < 1_000_000_000n) { run(text); n++; }
  n = 0; start = process.hrtime.bigint();
  let ok = 0;
  while (process.hrtime.bigint() - start < 2_000_000_000n) { ok = run(text); n++; }
  const ns = Number(process.hrtime.bigint() - start) / n;
  console.log(`${file.replace('.txt', '').padEnd(18)} ${(ns / 1000).toFixed(3).padStart(12)} us/op ${(bytes / ns * 1000).toFixed(1).padStart(8)} MB/s ${ok < 0 ? 'throws' : 'ok'}`);
}
