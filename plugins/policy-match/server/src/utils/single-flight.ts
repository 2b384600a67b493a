/**
 * Concurrent callers share one read instead of each running its own — without ever handing a
 * caller a read that started before it asked. A caller that finds a read in flight waits for the
 * next one, which every other caller arriving meanwhile shares too, so N simultaneous callers cost
 * at most two reads and each still sees every write committed before it called.
 */
export const singleFlight = <T>(read: () => Promise<T>): (() => Promise<T>) => {
  let running: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = () => {
    const p = read();
    running = p;
    const done = () => {
      if (running === p) running = null;
    };
    p.then(done, done);
    return p;
  };
  const settled = () => undefined;
  return () => {
    if (!running) return start();
    if (!queued) {
      queued = running.then(settled, settled).then(() => {
        queued = null;
        return running ?? start();
      });
    }
    return queued;
  };
};
