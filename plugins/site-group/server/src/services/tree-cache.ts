import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { SITE_UID } from '../utils/uids';

const STORE_KEY = 'tree-revision';

/**
 * A rendered copy of the site-tree response per (locale, state). A province tree is thousands of
 * sites and changes a few times a week, yet every portal page asks for it. The cache is never
 * trusted on its own: each request reads the tree's revision from the database (a counter bumped on
 * every site write, plus the row count and newest update, which also catch bulk writes that bypass
 * the Document Service), so every Strapi instance serves the current tree.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rendered = new Map<string, { revision: string; body: string; etag: string }>();
  const store = () => strapi.store({ type: 'plugin', name: 'site-group' });

  return {
    async revision(): Promise<string> {
      const table = strapi.db.metadata.get(SITE_UID).tableName;
      const [rows, counter] = await Promise.all([
        strapi.db.getConnection(table).count('* as n').max('updated_at as latest') as Promise<{ n: number; latest: unknown }[]>,
        store().get({ key: STORE_KEY }),
      ]);
      const { n, latest } = rows[0];
      return `${counter ?? 0}:${n}:${latest ? new Date(latest as string).getTime() : 0}`;
    },

    /** Called after every site write; the counter lives in the database so all instances see it. */
    async bump() {
      const counter = Number((await store().get({ key: STORE_KEY })) ?? 0);
      await store().set({ key: STORE_KEY, value: counter + 1 });
    },

    /** The JSON body for `key`, rendered by `render` only when the tree changed since the last render. */
    async body(key: string, render: () => Promise<unknown>) {
      const revision = await this.revision();
      const hit = rendered.get(key);
      if (hit?.revision === revision) return hit;
      const body = JSON.stringify(await render());
      const entry = { revision, body, etag: `"${crypto.createHash('sha1').update(body).digest('base64url')}"` };
      rendered.set(key, entry);
      return entry;
    },
  };
};
