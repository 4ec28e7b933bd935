import { describe, expect, it } from 'vitest';
import { createHasher } from '../../../hash/hasher';
import {
  equaliseTiming,
  KRATOS_DEFAULT_TIMING_TARGET,
  measureVerifyTiming,
  randomDelayMs,
  resolveLoginTimingTarget,
  standardNormal,
  startLoginTimingCalibration,
} from './delay';

function stats(xs: number[]): { mean: number; sd: number; median: number; min: number; max: number } {
  const sorted = [...xs].sort((a, b) => a - b);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
  return {
    mean,
    sd,
    median: sorted[Math.floor(sorted.length / 2)] as number,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
  };
}

describe('standardNormal (CSPRNG Box–Muller)', () => {
  it('case=mean 0, sd 1, finite', () => {
    const xs = Array.from({ length: 20_000 }, standardNormal);
    const s = stats(xs);
    expect(xs.every(Number.isFinite)).toBe(true);
    expect(Math.abs(s.mean)).toBeLessThan(0.05);
    expect(Math.abs(s.sd - 1)).toBeLessThan(0.05);
    // 68–95–99.7: within 1 sd about 68 %
    const within1 = xs.filter((x) => Math.abs(x) <= 1).length / xs.length;
    expect(within1).toBeGreaterThan(0.65);
    expect(within1).toBeLessThan(0.71);
  });
});

describe('randomDelayMs (x.RandomDelay)', () => {
  it('case=Kratos TestRandomDelay bounds: base 2 ms, deviation 1 ms', () => {
    for (let i = 0; i < 1000; i++) {
      const d = randomDelayMs(2, 1);
      expect(d).toBeGreaterThanOrEqual(1);
      expect(d).toBeLessThanOrEqual(3);
    }
  });

  it('case=distribution: defaults 500 ± 500 ms center on 500 with sd ≈ 167', () => {
    const xs = Array.from({ length: 10_000 }, () =>
      randomDelayMs(KRATOS_DEFAULT_TIMING_TARGET.expectedMs, KRATOS_DEFAULT_TIMING_TARGET.deviationMs),
    );
    const s = stats(xs);
    expect(s.min).toBeGreaterThanOrEqual(0);
    expect(s.max).toBeLessThanOrEqual(1000);
    expect(Math.abs(s.mean - 500)).toBeLessThan(10);
    expect(Math.abs(s.median - 500)).toBeLessThan(15);
    expect(Math.abs(s.sd - 500 / 3)).toBeLessThan(10);
    // Kratos's formula would sleep 0 ms about half the time; this must not.
    expect(xs.filter((x) => x === 0).length).toBeLessThan(50);
  });

  it('case=clamps to expected ± deviation', () => {
    expect(randomDelayMs(100, 30, () => 10)).toBe(130);
    expect(randomDelayMs(100, 30, () => -10)).toBe(70);
    expect(randomDelayMs(100, 30, () => 0)).toBe(100);
    expect(randomDelayMs(100, 30, () => 1.5)).toBe(115);
  });

  it.each([
    { name: 'deviation larger than expected never goes below 0', expected: 10, dev: 50, normal: -3, want: 0 },
    { name: 'zero deviation is exact', expected: 42, dev: 0, normal: 3, want: 42 },
    { name: 'negative expected is 0', expected: -5, dev: 0, normal: 0, want: 0 },
    { name: 'NaN is 0', expected: Number.NaN, dev: Number.NaN, normal: 0, want: 0 },
    { name: '1ns (Kratos test setups)', expected: 1e-6, dev: 1e-6, normal: 3, want: 2e-6 },
  ])('case=$name', ({ expected, dev, normal, want }) => {
    expect(randomDelayMs(expected, dev, () => normal)).toBeCloseTo(want, 9);
  });
});

describe('equaliseTiming', () => {
  it('case=sleeps the sampled delay', async () => {
    const slept: number[] = [];
    const d = await equaliseTiming(
      { expectedMs: 80, deviationMs: 20 },
      { normal: () => 1.5, sleep: async (ms) => void slept.push(ms) },
    );
    expect(d).toBe(90);
    expect(slept).toEqual([90]);
  });

  it('case=zero delay does not sleep', async () => {
    const slept: number[] = [];
    await equaliseTiming({ expectedMs: 0, deviationMs: 0 }, { sleep: async (ms) => void slept.push(ms) });
    expect(slept).toEqual([]);
  });

  it('case=real sleep takes about the delay', async () => {
    const start = performance.now();
    const d = await equaliseTiming({ expectedMs: 30, deviationMs: 0 });
    const took = performance.now() - start;
    expect(d).toBe(30);
    expect(took).toBeGreaterThanOrEqual(28);
    expect(took).toBeLessThan(500);
  });
});

describe('measureVerifyTiming', () => {
  it('case=median and clamped spread from a fake clock', async () => {
    const durations = [999, 100, 120, 80, 110, 90]; // the first verify is the warm-up
    let t = 0;
    let calls = 0;
    const hasher = {
      hash: async (): Promise<string> => 'encoded',
      verify: async (): Promise<boolean> => {
        t += durations[calls++] as number;
        return false;
      },
    };
    const target = await measureVerifyTiming(hasher, { samples: 5, now: () => t });
    expect(calls).toBe(6);
    expect(target).toEqual({ expectedMs: 100, deviationMs: 40 });
  });

  it('case=identical timings get a 10 % deviation floor', async () => {
    let t = 0;
    const hasher = {
      hash: async (): Promise<string> => 'encoded',
      verify: async (): Promise<boolean> => {
        t += 50;
        return false;
      },
    };
    expect(await measureVerifyTiming(hasher, { samples: 3, now: () => t })).toEqual({
      expectedMs: 50,
      deviationMs: 5,
    });
  });

  it('case=real bcrypt (cost 4) verifies and hashes a throwaway password', async () => {
    const hasher = createHasher({ algorithm: 'bcrypt', bcrypt: { cost: 4 } }, { dev: true });
    const target = await measureVerifyTiming(hasher, { samples: 3 });
    expect(target.expectedMs).toBeGreaterThan(0);
    expect(target.expectedMs).toBeLessThan(1000);
    expect(target.deviationMs).toBeGreaterThan(0);
    expect(target.deviationMs).toBeLessThanOrEqual(target.expectedMs);
  });
});

describe('resolveLoginTimingTarget', () => {
  const neverCalled = {
    hash: async (): Promise<string> => {
      throw new Error('must not measure');
    },
    verify: async (): Promise<boolean> => {
      throw new Error('must not measure');
    },
  };

  it('case=explicit argon2 expected_duration/deviation win (Kratos parity)', async () => {
    expect(
      await resolveLoginTimingTarget(
        { algorithm: 'argon2', argon2: { expected_duration: '50ms', expected_deviation: '50ms' } },
        neverCalled,
      ),
    ).toEqual({ expectedMs: 50, deviationMs: 50, source: 'config' });
  });

  it('case=explicit duration without deviation uses the 500ms deviation default', async () => {
    expect(await resolveLoginTimingTarget({ argon2: { expected_duration: '1s' } }, neverCalled)).toEqual({
      expectedMs: 1000,
      deviationMs: 500,
      source: 'config',
    });
  });

  it('case=explicit argon2 values apply with bcrypt too, as in Kratos ("1ns" test setups)', async () => {
    const t = await resolveLoginTimingTarget(
      { algorithm: 'bcrypt', argon2: { expected_duration: '1ns', expected_deviation: '1ns' } },
      neverCalled,
    );
    expect(t.source).toBe('config');
    expect(t.expectedMs).toBeCloseTo(1e-6, 12);
  });

  it.each([
    { name: 'bcrypt without argon2 timing', hashers: { algorithm: 'bcrypt' as const, bcrypt: { cost: 12 } } },
    { name: 'argon2 without timing', hashers: { algorithm: 'argon2' as const, argon2: { memory: '19MB' } } },
    { name: 'no hashers section', hashers: undefined },
  ])('case=$name → measured', async ({ hashers }) => {
    let t = 0;
    const target = await resolveLoginTimingTarget(
      hashers,
      {
        hash: async () => 'encoded',
        verify: async () => {
          t += 40;
          return false;
        },
      },
      { now: () => t },
    );
    expect(target).toEqual({ expectedMs: 40, deviationMs: 4, source: 'measured' });
  });
});

describe('startLoginTimingCalibration', () => {
  it('case=measures once in the background', async () => {
    let t = 0;
    let verifies = 0;
    const calibration = startLoginTimingCalibration(
      { algorithm: 'bcrypt' },
      {
        hash: async () => 'encoded',
        verify: async () => {
          verifies++;
          t += 20;
          return false;
        },
      },
      { samples: 3, now: () => t },
    );
    expect(await calibration.target()).toEqual({ expectedMs: 20, deviationMs: 2, source: 'measured' });
    await calibration.target();
    expect(verifies).toBe(4);
  });

  it('case=falls back to the Kratos default when measuring fails', async () => {
    const calibration = startLoginTimingCalibration(undefined, {
      hash: async () => {
        throw new Error('hasher broken');
      },
      verify: async () => false,
    });
    expect(await calibration.target()).toEqual({ expectedMs: 500, deviationMs: 500, source: 'default' });
  });
});
