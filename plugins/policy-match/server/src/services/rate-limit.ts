import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { RATE_COUNTER_UID } from '../utils/uids';

/**
 * Writes per key per minute, counted in one database row per key and minute (an upsert), so every
 * Strapi instance shares the count. Old windows are swept now and then.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async hit(bucket: string, limit = strapi.plugin('policy-match').config('writesPerMinute') as number) {
    const windowStart = Math.floor(Date.now() / 60_000) * 60_000;
    const table = strapi.db.metadata.get(RATE_COUNTER_UID).tableName;
    const now = new Date();
    await strapi.db
      .getConnection(table)
      .insert({ bucket, window_start: windowStart, hits: 1, created_at: now, updated_at: now })
      .onConflict(['bucket', 'window_start'])
      .merge({ hits: strapi.db.connection.raw('??.hits + 1', [table]), updated_at: now });
    const row = await strapi.db.getConnection(table).where({ bucket, window_start: windowStart }).first('hits');
    if (Math.random() < 0.01) await strapi.db.getConnection(table).where('window_start', '<', windowStart - 3_600_000).delete();
    if (Number(row?.hits ?? 0) > limit) throw new errors.RateLimitError(`too many writes: at most ${limit} a minute`, { retryAfterSeconds: Math.ceil((windowStart + 60_000 - Date.now()) / 1000) });
  },
});
