/** Milliseconds spent per named step of one request, for a `Server-Timing` header. */
export type Timing = Record<string, number>;

/** Runs `step` (sync or async) and adds its time to `timing[name]` (nothing is measured without a `timing`). */
export const timed = <T>(timing: Timing | undefined, name: string, step: () => T): T => {
  if (!timing) return step();
  const started = performance.now();
  const record = () => {
    timing[name] = (timing[name] ?? 0) + performance.now() - started;
  };
  const out = step();
  if (out instanceof Promise) return out.finally(record) as T;
  record();
  return out;
};

/** `rev;dur=0.4, eval;dur=3.1` — step names are tokens, durations in ms with one decimal. */
export const serverTimingHeader = (timing: Timing): string =>
  Object.entries(timing)
    .filter(([name]) => /^[A-Za-z][\w-]*$/.test(name))
    .map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`)
    .join(', ');
