// Benchmark helpers: timings in milliseconds, percentiles, and ratio reports against a baseline measured
// in the same run (absolute numbers are noisy on a shared 2-core machine; ratios are not).
import { performance } from 'node:perf_hooks';

export interface Stats {
  p50: number;
  p95: number;
  mean: number;
  n: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return {
    p50: at(0.5),
    p95: at(0.95),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    n: sorted.length,
  };
}

export async function time(
  fn: () => unknown | Promise<unknown>,
  runs: number,
  warmup = Math.ceil(runs / 10),
): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

export interface Check {
  name: string;
  value: number;
  target: string;
  ok: boolean;
}

export function report(title: string, rows: Record<string, string | number>[], checks: Check[]): boolean {
  console.log(`\n== ${title}`);
  console.table(rows);
  for (const c of checks)
    console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${fmt(c.value)} (target ${c.target})`);
  return checks.every((c) => c.ok);
}

export const fmt = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(3));
