/**
 * The licence-recognition benchmark (`npm run bench`, suite "recognition"; README
 * "Benchmarks"): runs recogniseLicence on each image of scripts/bench/recognition-corpus.ts,
 * one after the other as the product does, and prints per image whether 名称 and the
 * code came out exactly, then the exact-match rates, median and 95th-percentile
 * latency (wall clock: it grows with whatever else loads the machine), the median CPU
 * time per image and the peak resident memory (VmHWM) of the recognition worker process
 * (lib/ocr/recognition-pool.ts runs each recognition in a child process, ADR 0031: this
 * process only waits), the CPU with this process's own.
 *
 *   tsx scripts/bench/recognition.ts
 *
 * Env: BENCH_RECOGNITION_COUNT (images, default 24, at least 20 for the target),
 * BENCH_RECOGNITION_DUMP=<dir> (also write each image there, to look at a miss).
 * The last line printed is the summary as JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { recogniseLicence } from '@/lib/ocr/recognise-licence';
import { benchLicences } from './recognition-corpus';
import { cpuMs, peakRssMbOf, workerPids } from './worker-processes';

const TARGET = 0.95;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  // Nearest rank.
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main() {
  const count = Number(process.env.BENCH_RECOGNITION_COUNT ?? 24);
  if (!Number.isInteger(count) || count < 1) throw new Error('BENCH_RECOGNITION_COUNT must be a positive integer');
  const generated = Date.now();
  const licences = await benchLicences(count);
  const dump = process.env.BENCH_RECOGNITION_DUMP;
  if (dump) {
    fs.mkdirSync(dump, { recursive: true });
    for (const l of licences) fs.writeFileSync(path.join(dump, `${l.label.slice(0, 2)}.${l.bytes[0] === 0xff ? 'jpg' : 'png'}`), l.bytes);
  }
  console.log(`[recognition] ${licences.length} licence images generated in ${((Date.now() - generated) / 1000).toFixed(1)} s; rss before the engine ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);

  // The first call also loads the models: timed on its own, not in the latency figures.
  const warm = await recogniseLicence(licences[0]!.bytes);
  console.log(`[recognition] warm-up (engine load + first image): ${warm.ms} ms`);

  const rows: { name: boolean; code: boolean; ms: number; cpuMs: number }[] = [];
  for (const l of licences) {
    const cpuBefore = cpuMs();
    const r = await recogniseLicence(l.bytes);
    const row = { label: l.label, variant: l.variant, name: r.name === l.expected.name, code: r.code === l.expected.code, ms: r.ms, cpuMs: Math.round(cpuMs() - cpuBefore) };
    rows.push(row);
    const miss = [!row.name && `name ${JSON.stringify(r.name)} ≠ ${l.expected.name}`, !row.code && `code ${JSON.stringify(r.code)} ≠ ${l.expected.code}`].filter(Boolean).join('; ');
    console.log(
      `${row.label.padEnd(16)} ${row.variant.padEnd(36)} name ${row.name ? '✓' : '✗'}  code ${row.code ? '✓' : '✗'}  ${String(r.ms).padStart(6)} ms  CPU ${String(row.cpuMs).padStart(6)} ms  turn ${String(r.rotation).padStart(3)}°${miss ? `  ${miss}` : ''}`,
    );
  }

  const ms = rows.map((r) => r.ms);
  const summary = {
    images: rows.length,
    nameExact: rows.filter((r) => r.name).length / rows.length,
    codeExact: rows.filter((r) => r.code).length / rows.length,
    medianMs: median(ms),
    p95Ms: percentile(ms, 0.95),
    maxMs: Math.max(...ms),
    medianCpuMs: median(rows.map((r) => r.cpuMs)),
    // The worker process recognises; this one renders the images and waits.
    peakRssMb: Math.max(...workerPids().map(peakRssMbOf)),
    warmupMs: warm.ms,
  };
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const met = summary.nameExact >= TARGET && summary.codeExact >= TARGET;
  console.log('');
  console.log('images  name exact  code exact  median ms  p95 ms  max ms  median CPU ms  worker peak RSS MB');
  console.log(
    `${String(summary.images).padStart(6)}  ${pct(summary.nameExact).padStart(10)}  ${pct(summary.codeExact).padStart(10)}  ${summary.medianMs.toFixed(0).padStart(9)}  ${String(summary.p95Ms).padStart(6)}  ${String(summary.maxMs).padStart(6)}  ${summary.medianCpuMs.toFixed(0).padStart(13)}  ${summary.peakRssMb.toFixed(0).padStart(18)}`,
  );
  console.log(`target ≥ ${pct(TARGET)} exact on both fields: ${met ? 'met' : 'NOT met'}; load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  console.log(JSON.stringify(summary));
}

main().then(
  // The pool's idle worker would keep this process for its idle timeout (10 minutes) after the last image.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
