/** p50, p95 and max of repeated runs, in milliseconds. */
export interface Timing {
  p50: number;
  p95: number;
  max: number;
}

/** Runs `work` `runs` times and gives the percentiles of its wall time. */
export function time(runs: number, work: (n: number) => void): Timing {
  const timings: number[] = [];
  for (let n = 0; n < runs; n += 1) {
    const started = performance.now();
    work(n);
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const at = (p: number) =>
    timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))]!;
  return { p50: at(50), p95: at(95), max: timings[timings.length - 1]! };
}
