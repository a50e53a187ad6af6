/** Timing helpers shared by the benchmark sections: repeat until enough time has passed, report rates. */

export interface Rate {
  /** Items processed per second. */
  perSecond: number;
  /** Mean microseconds per item. */
  microsEach: number;
  items: number;
  seconds: number;
}

/**
 * Runs `work` over `items` again and again, first for `warmSeconds` to warm the JIT, then until at least
 * `minSeconds` have passed, and returns the rate of the timed rounds. Each round covers all items.
 */
export function rateOf<T>(
  items: readonly T[],
  work: (item: T) => unknown,
  minSeconds = 2,
  warmSeconds = 0.3,
): Rate {
  const warmUntil = performance.now() + warmSeconds * 1000;
  while (performance.now() < warmUntil) for (const item of items) work(item);
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const item of items) work(item);
    count += items.length;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < minSeconds);
  return { perSecond: count / elapsed, microsEach: (elapsed * 1e6) / count, items: count, seconds: elapsed };
}

export function formatRate(rate: Rate, unit: string): string {
  return `${Math.round(rate.perSecond).toLocaleString('en')} ${unit}/s (${rate.microsEach.toFixed(0)} µs each)`;
}

/** The value below which a fraction `q` of the ascending `sorted` values lie. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}
