import type { Core } from '@strapi/strapi';
import { fieldProblem, throwFieldErrors, type Actor } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { OWNER_FIELD } from '../utils/site-group-types';
import { SITE_UID } from '../utils/uids';

/** Every shared item belongs to one site; this decides which, and who may change it. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async ownerOf(uid: string, documentId: string): Promise<string | null> {
    const row = await strapi.db.query(uid).findOne({ where: { documentId }, select: [OWNER_FIELD] });
    return row?.[OWNER_FIELD] ?? null;
  },

  /** The owner of a new item when the write names none: the editor's home site, else the root site. */
  async defaultOwner(actor: Actor): Promise<string> {
    if (actor.kind === 'admin') {
      const home = await getService('editor-scope').homeSiteCode(actor.user.id);
      if (home) return home;
    }
    const [root] = await strapi.db.query(SITE_UID).findMany({
      where: { parent: { id: { $null: true } } },
      select: ['code'],
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      limit: 1,
    });
    if (!root) throwFieldErrors([fieldProblem([OWNER_FIELD], 'no site exists yet: create the cluster\'s first site before any content')]);
    return root.code;
  },

  /** A new or changed owner must be a real site the actor may act for. */
  async assertValidOwner(actor: Actor, code: unknown) {
    if (typeof code !== 'string' || !code) {
      throwFieldErrors([fieldProblem([OWNER_FIELD], 'every item belongs to a site: ownerSite cannot be empty', code)]);
    }
    const site = await strapi.db.query(SITE_UID).findOne({ where: { code: code as string }, select: ['id'] });
    if (!site) throwFieldErrors([fieldProblem([OWNER_FIELD], `no site with code "${code}"`, code)]);
    await getService('editor-scope').assertCanActFor(actor, code as string, `give this item to site "${code}"`);
  },
});
