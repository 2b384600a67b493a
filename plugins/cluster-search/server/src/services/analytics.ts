import type { Core } from '@strapi/strapi';
import { foldForSearch } from '@jiyue/kernel';
import { queryLocale } from '../utils/query-locale';

const UID = 'plugin::cluster-search.query-stat';

/** The form a query is counted under: normalised, single-spaced, at most 100 characters. */
export const normalizeQuery = (q: string) => foldForSearch(q).replace(/\s+/g, ' ').trim().slice(0, 100);

/** How long counts wait in memory before they are written. */
const FLUSH_MS = 10_000;

export interface StatEntry {
  query: string;
  site: string;
  locale: string;
  day: string;
  searches: number;
  zeroResults: number;
  lastTotal: number;
}

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * Query statistics without personal data: per normalised query, site, locale and day, a count of
 * searches and of searches that found nothing. No IP address, user, session or time of day is
 * stored. The number of distinct days a query was searched on (per locale) is what lets a visitor
 * query into the public suggestions (services/suggest.ts).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.metadata.get(UID).tableName;
  const knex = () => strapi.db.connection;

  // Counts wait here and are written every FLUSH_MS in one go: a search never waits for a write, and
  // the write (which runs on the thread that answers searches) lands on few of them.
  const buffer = new Map<string, StatEntry>();
  let timer: NodeJS.Timeout | null = null;
  // The writes of the flush under way: a read waits for them (a timer's flush empties the buffer at
  // once but writes for a while; a read in between would miss what it took).
  let writing: Promise<void> = Promise.resolve();

  const service = {
    /** Counts a search (written within FLUSH_MS; reading the statistics writes what waits first). */
    record(q: string, site: string | null, total: number, locale?: string | null) {
      const query = normalizeQuery(q);
      if (!query) return;
      const key = { query, site: site ?? '*', locale: queryLocale(query, locale), day: today() };
      const id = JSON.stringify(key);
      const entry = buffer.get(id) ?? { ...key, searches: 0, zeroResults: 0, lastTotal: total };
      entry.searches += 1;
      entry.zeroResults += total === 0 ? 1 : 0;
      entry.lastTotal = total;
      buffer.set(id, entry);
      // unref: a pending write must never keep the process (or jest) alive; destroy() flushes it.
      if (!timer) timer = setTimeout(() => void service.flush(), FLUSH_MS).unref();
    },

    /** Writes what waits, after any flush already under way; resolves when both are written. */
    async flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      const entries = [...buffer.values()];
      buffer.clear();
      const run = writing.then(async () => {
        for (const entry of entries) {
          try {
            await service.write(entry);
          } catch (error) {
            strapi.log.warn(`cluster-search: query statistics not written: ${(error as Error).message}`);
          }
        }
      });
      writing = run;
      await run;
    },

    async write({ searches, zeroResults, lastTotal, ...key }: StatEntry) {
      // One UPDATE adds to an existing row, atomic across processes: a findOne and an update through
      // the query engine took about 4 ms a row here, and the write runs on the thread that answers
      // searches. A new row goes through the query engine (it sets documentId and the timestamps;
      // updated_at then stays at the creation: the row's day says when it counts).
      const bump = async () =>
        Number(
          await knex()(table())
            .where(key)
            .update({
              searches: knex().raw('searches + ?', [searches]),
              zero_results: knex().raw('zero_results + ?', [zeroResults]),
              last_total: lastTotal,
            })
        ) > 0;
      try {
        if (await bump()) return;
        await strapi.db.query(UID).create({ data: { ...key, searches, zeroResults, lastTotal } });
      } catch {
        // Another request created the row first (unique key): count on it.
        await bump().catch(() => undefined);
      }
    },

    async top({ site, days, limit, zeroOnly }: { site: string | null; days: number; limit: number; zeroOnly: boolean }) {
      await service.flush();
      const rows = await knex()(table())
        .select('query')
        .sum({ searches: 'searches' })
        .sum({ zero_results: 'zero_results' })
        .where('day', '>=', daysAgo(days))
        .modify((qb) => {
          if (site) qb.where('site', site);
        })
        .groupBy('query')
        .modify((qb) => {
          if (zeroOnly) qb.havingRaw('SUM(zero_results) > 0');
        })
        .orderBy(zeroOnly ? 'zero_results' : 'searches', 'desc')
        .orderBy('query', 'asc')
        .limit(limit);
      return (rows as { query: string; searches: number | string; zero_results: number | string }[]).map((r) => ({ query: r.query, searches: Number(r.searches), zeroResults: Number(r.zero_results) }));
    },

    /**
     * Visitor queries that may be suggested: in `locale`, with results, searched on at least
     * `minDays` distinct days of the last 90, starting with or containing the text. (The caller
     * still screens them with review-workflow's checks.)
     */
    async popular(prefix: string, limit: number, { locale, minDays }: { locale: string; minDays: number }) {
      await service.flush();
      const p = normalizeQuery(prefix);
      if (!p) return { starting: [], containing: [] };
      const like = p.replace(/[\\%_]/g, (c) => `\\${c}`);
      const base = () =>
        knex()(table())
          .select('query')
          .sum({ searches: 'searches' })
          .where('day', '>=', daysAgo(90))
          .where('last_total', '>', 0)
          .where('locale', locale)
          .groupBy('query')
          .havingRaw('COUNT(DISTINCT day) >= ?', [minDays])
          .orderBy('searches', 'desc')
          .limit(limit);
      const starting = await base().whereRaw("query LIKE ? ESCAPE '\\'", [`${like}%`]);
      const words = p.split(' ').filter((w) => w.length >= 2).slice(0, 3);
      const containing = words.length
        ? await base()
            .whereNot('query', p)
            .where((qb) => {
              for (const w of words) qb.orWhereRaw("query LIKE ? ESCAPE '\\'", [`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`]);
            })
        : [];
      const queries = (rows: object[]) => (rows as { query: string }[]).map((r) => r.query);
      return { starting: queries(starting), containing: queries(containing) };
    },

    async prune(days: number) {
      await strapi.db.query(UID).deleteMany({ where: { day: { $lt: daysAgo(days) } } });
    },
  };
  return service;
};
