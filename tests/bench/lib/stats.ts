/** Latency summaries. Nearest-rank percentiles: every reported value is a real measured sample. */

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export const percentile = (sorted: number[], p: number): number => {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
};

export const summarize = (samples: number[]): Summary => {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  return {
    n: sorted.length,
    min: sorted[0] ?? NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    mean,
  };
};

/** Rounds for display and JSON: three significant decimals are more than the noise allows. */
export const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
