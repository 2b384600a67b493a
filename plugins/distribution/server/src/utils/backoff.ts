/**
 * Delay before the next attempt: exponential in the attempts made so far, capped, with "full
 * jitter" (uniform between half and the whole delay) so receivers that failed together do not get
 * hit again in lockstep.
 */
export const backoffDelay = (attempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number => {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
};
