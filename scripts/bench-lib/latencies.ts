/** Latency figures from a list of samples (milliseconds), by the nearest-rank method. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarise(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);
  return { count: sorted.length, p50: rank(50), p95: rank(95), p99: rank(99), max: sorted.length ? sorted[sorted.length - 1]! : NaN };
}

export function formatLatency(summary: LatencySummary): string {
  const ms = (value: number) => (Number.isNaN(value) ? '–' : `${Math.round(value)}`);
  return `p50 ${ms(summary.p50)} / p95 ${ms(summary.p95)} / p99 ${ms(summary.p99)} ms (max ${ms(summary.max)}, n=${summary.count})`;
}
