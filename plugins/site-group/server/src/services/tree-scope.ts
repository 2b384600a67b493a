import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { relationTarget } from '../utils/relation-target';
import { currentActor, isSuperAdmin } from '@jiyue/kernel';
import { COLUMN_UID, SITE_UID } from '../utils/uids';

/** Who may write which sites and columns (issue #16 item 5): only inside the caller's own sites. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const siteIdOf = async (ref: { id?: number; documentId?: string }) => {
    const row = await strapi.db.query(SITE_UID).findOne({ where: ref.documentId ? { documentId: ref.documentId } : { id: ref.id }, select: ['id'] });
    return (row?.id as number | undefined) ?? null;
  };

  return {
    async assertCanWrite(uid: string, action: string, documentId: string | undefined, data: Record<string, unknown>) {
      const actor = currentActor(strapi);
      if (actor.kind !== 'admin' || isSuperAdmin(actor.user)) return;
      const scope = getService('editor-scope');
      const [mine, tree] = await Promise.all([scope.siteIds(actor.user.id), scope.hierarchy()]);
      const allowed = new Set(mine);
      const name = (id: number | null) => (id === null ? 'none' : tree.byId.get(id)?.code ?? String(id));
      const deny = (id: number | null, what: string): never => {
        throw new errors.PolicyError(`You cannot ${what}: site "${name(id)}" is outside the sites assigned to you`, { site: name(id) });
      };
      const check = (id: number | null, what: string) => {
        if (id === null || !allowed.has(id)) deny(id, what);
      };
      const isSite = uid === SITE_UID;
      const link = isSite ? 'parent' : 'site';
      const noun = isSite ? 'site' : 'column';

      // The site the existing record belongs to (a site is its own; a column its site's).
      if (action !== 'create' && documentId) {
        const current = isSite
          ? await strapi.db.query(SITE_UID).findOne({ where: { documentId }, select: ['id'] })
          : await strapi.db.query(COLUMN_UID).findOne({ where: { documentId }, select: ['id'], populate: { site: { select: ['id'] } } });
        if (current) check(isSite ? current.id : current.site?.id ?? null, `${action} this ${noun}`);
      }

      // Where the write puts it: a new parent site (sites) or site (columns) must be inside the caller's sites too.
      const target = relationTarget(data[link]);
      if (target.change === 'set') check(await siteIdOf(target), isSite ? 'place a site under this parent' : 'put a column in this site');
      if (target.change === 'clear') deny(null, isSite ? 'make a site a root site' : 'leave a column without site');
      if (action === 'create' && target.change === 'none') deny(null, isSite ? 'create a root site' : 'create a column without naming its site');
    },
  };
};
