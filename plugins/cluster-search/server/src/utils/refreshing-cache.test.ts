import { refreshingCache } from './refreshing-cache';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('refreshingCache', () => {
  it('serves the old value while a re-read runs in the background', async () => {
    let version = 0;
    let release: () => void = () => undefined;
    const cache = refreshingCache(async () => {
      version += 1;
      if (version > 1) await new Promise<void>((resolve) => (release = resolve));
      return version;
    }, 0);
    expect(await cache.get()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2));
    // Stale: answered at once with 1 while the second read waits.
    expect(await cache.get()).toBe(1);
    release();
    await tick();
    expect(await cache.get()).toBe(2);
  });

  it('fresh(minAge) re-reads only a value older than minAge', async () => {
    let reads = 0;
    const cache = refreshingCache(async () => (reads += 1), 60_000);
    await cache.get();
    expect(await cache.fresh(1000)).toBe(1);
    expect(await cache.fresh()).toBe(2);
  });

  it('fresh() waits for a new value; clear() drops a read that began before it', async () => {
    let version = 0;
    let release: () => void = () => undefined;
    const cache = refreshingCache(async () => {
      version += 1;
      const mine = version;
      if (mine === 2) await new Promise<void>((resolve) => (release = resolve));
      return mine;
    }, 60_000);
    expect(await cache.get()).toBe(1);
    const slow = cache.fresh();
    cache.clear();
    expect(await cache.get()).toBe(3);
    release();
    expect(await slow).toBe(2);
    // The read that began before clear() did not replace the newer value.
    expect(await cache.get()).toBe(3);
  });
});
