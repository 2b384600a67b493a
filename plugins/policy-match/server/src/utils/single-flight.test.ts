import { singleFlight } from './single-flight';

/** A read whose answers the test releases one by one; each answer is the number of reads started before it. */
const controlled = () => {
  const pending: (() => void)[] = [];
  let started = 0;
  const read = () => {
    const n = ++started;
    return new Promise<number>((resolve) => pending.push(() => resolve(n)));
  };
  const release = async () => {
    pending.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { read, release, started: () => started };
};

describe('single flight', () => {
  it('one caller: one read per call', async () => {
    const c = controlled();
    const get = singleFlight(c.read);
    const a = get();
    await c.release();
    await expect(a).resolves.toBe(1);
    const b = get();
    await c.release();
    await expect(b).resolves.toBe(2);
  });

  it('callers arriving during a read share the next read, never the one already running', async () => {
    const c = controlled();
    const get = singleFlight(c.read);
    const first = get();
    const later = Array.from({ length: 9 }, () => get());
    expect(c.started()).toBe(1);
    await c.release();
    await expect(first).resolves.toBe(1);
    expect(c.started()).toBe(2);
    await c.release();
    await expect(Promise.all(later)).resolves.toEqual(Array(9).fill(2));
    expect(c.started()).toBe(2);
  });

  it('a failed read fails its callers only', async () => {
    let n = 0;
    const get = singleFlight(async () => {
      n += 1;
      if (n === 1) throw new Error('down');
      return n;
    });
    await expect(get()).rejects.toThrow('down');
    await expect(get()).resolves.toBe(2);
  });
});
