/**
 * A value read from elsewhere that every search needs (the site tree, the locales, the synonyms):
 * served from memory and re-read in the background once older than `maxAgeMs`, so no search waits
 * for the re-read (a tree of 3,000 sites takes longer to read than a search takes to answer).
 * `fresh(minAgeMs)` waits for a new read unless the value is younger than `minAgeMs`: when a lookup
 * misses (a site just made), at most once per `minAgeMs`, so requests naming unknown sites cannot
 * make every request re-read the tree.
 * A failed background read keeps the old value and is tried again on a later call.
 */
export const refreshingCache = <T>(load: () => Promise<T>, maxAgeMs: number) => {
  let value: { at: number; data: T } | null = null;
  let loading: Promise<T> | null = null;
  // A read that began before clear() must not bring back what clear() dropped.
  let generation = 0;

  const reload = (): Promise<T> => {
    const started = generation;
    return (loading ??= load()
      .then((data) => {
        if (started === generation) value = { at: Date.now(), data };
        return data;
      })
      .finally(() => {
        loading = null;
      }));
  };

  return {
    async get(): Promise<T> {
      if (!value) return reload();
      if (Date.now() - value.at > maxAgeMs) reload().catch(() => undefined);
      return value.data;
    },
    async fresh(minAgeMs = 0): Promise<T> {
      if (value && Date.now() - value.at < minAgeMs) return value.data;
      return reload();
    },
    clear() {
      value = null;
      loading = null;
      generation += 1;
    },
  };
};
