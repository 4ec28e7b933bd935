// The one clock every expiry reads (ARCHITECTURE.md D7). Tests and the console move time by an offset.

export interface Clock {
  now(): Date;
}

export class MovableClock implements Clock {
  private offsetMs = 0;
  private fixed: number | undefined;

  now(): Date {
    return new Date((this.fixed ?? Date.now()) + this.offsetMs);
  }

  /** Moves time forward (or back, with a negative value). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Freezes time at the given instant (tests). */
  freeze(at: Date = new Date()): void {
    this.fixed = at.getTime();
    this.offsetMs = 0;
  }

  reset(): void {
    this.fixed = undefined;
    this.offsetMs = 0;
  }

  offset(): number {
    return this.offsetMs;
  }
}

export interface ClockProvider {
  clock: Clock;
}
