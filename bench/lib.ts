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

export interface Rated {
  /** Operations per second. */
  rate: number;
  errors?: number;
  p50ms?: number;
}

export interface RoundResult {
  /** The run of the median round. */
  median: Rated;
  /** Its ratio to the baseline run of the same round. */
  ratio: number;
  /** Every round's ratio, in order. */
  ratios: number[];
}

/**
 * Runs the baseline and then each case, `rounds` times over. Each case's ratio is taken against the
 * baseline of its own round, measured seconds before it, so a change in the neighbours' load moves both
 * sides alike; the median round is reported. Single runs on this shared 2-core machine swing by ±20 %.
 */
export async function interleavedRounds<K extends string>(
  rounds: number,
  baseline: () => Promise<Rated>,
  cases: Record<K, () => Promise<Rated>>,
): Promise<{ baseline: Rated; cases: Record<K, RoundResult> }> {
  const names = Object.keys(cases) as K[];
  const runs: { baseline: Rated; cases: Record<K, Rated> }[] = [];
  for (let round = 0; round < rounds; round++) {
    const base = await baseline();
    const measured = {} as Record<K, Rated>;
    for (const name of names) measured[name] = await cases[name]();
    runs.push({ baseline: base, cases: measured });
  }
  const result = {} as Record<K, RoundResult>;
  for (const name of names) {
    const ratios = runs.map((r) => r.cases[name].rate / r.baseline.rate);
    const mid = [...ratios].sort((a, b) => a - b)[Math.floor(rounds / 2)] as number;
    const round = runs[ratios.indexOf(mid)] as (typeof runs)[number];
    result[name] = { median: round.cases[name], ratio: mid, ratios };
  }
  const medianBaseline = runs.map((r) => r.baseline).sort((a, b) => a.rate - b.rate)[
    Math.floor(rounds / 2)
  ] as Rated;
  return { baseline: medianBaseline, cases: result };
}
