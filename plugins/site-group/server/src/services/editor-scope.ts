import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { buildHierarchy, type Hierarchy } from '../utils/hierarchy';
import { isSuperAdmin, type Actor } from '@jiyue/kernel';
import { ASSIGNMENT_UID, SITE_UID } from '../utils/uids';

export type DescendantRule = 'as-assigned' | 'always';

/**
 * Which sites an admin user may act for. Assignments name a site and whether the sites below it
 * are included; Super Admins act everywhere. The answer is read from the database on every call
 * so that several Strapi instances never disagree.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async hierarchy(): Promise<Hierarchy> {
    const rows = (await strapi.db.query(SITE_UID).findMany({
      select: ['id', 'code', 'level'],
      populate: { parent: { select: ['id'] } },
    })) as { id: number; code: string; level?: string; parent?: { id: number } | null }[];
    return buildHierarchy(rows.map((r) => ({ id: r.id, code: r.code, level: r.level, parentId: r.parent?.id ?? null })));
  },

  async assignments(userId: number) {
    return strapi.db.query(ASSIGNMENT_UID).findMany({ where: { userId }, orderBy: { id: 'asc' } });
  },

  /** Site ids the user is assigned to, widened by descendants per assignment or always. */
  async siteIds(userId: number, descendants: DescendantRule = 'as-assigned'): Promise<number[]> {
    const assignments = await this.assignments(userId);
    if (!assignments.length) return [];
    const tree = await this.hierarchy();
    const ids = new Set<number>();
    for (const a of assignments) {
      const wide = descendants === 'always' || a.includeDescendants;
      for (const id of wide ? tree.subtree(a.siteId) : [a.siteId]) ids.add(id);
    }
    return [...ids];
  },

  async siteCodes(userId: number, descendants: DescendantRule = 'as-assigned'): Promise<string[]> {
    const ids = await this.siteIds(userId, descendants);
    if (!ids.length) return [];
    const rows = await strapi.db.query(SITE_UID).findMany({ where: { id: { $in: ids } }, select: ['code'] });
    return rows.map((r: { code: string }) => r.code);
  },

  /** Whether the actor may act for the site with this code. Only admin users are scoped. */
  async canActFor(actor: Actor, siteCode: string): Promise<boolean> {
    if (actor.kind !== 'admin' || isSuperAdmin(actor.user)) return true;
    return (await this.siteCodes(actor.user.id)).includes(siteCode);
  },

  async assertCanActFor(actor: Actor, siteCode: string, what: string) {
    if (!(await this.canActFor(actor, siteCode))) {
      // PolicyError keeps its message on the way out (a plain ForbiddenError's is dropped).
      throw new errors.PolicyError(`You cannot ${what}: site "${siteCode}" is outside the sites assigned to you`, {
        site: siteCode,
      });
    }
  },

  /** The site an editor's new items belong to when they name none: their first assignment. */
  async homeSiteCode(userId: number): Promise<string | null> {
    const [first] = await this.assignments(userId);
    if (!first) return null;
    const site = await strapi.db.query(SITE_UID).findOne({ where: { id: first.siteId }, select: ['code'] });
    return site?.code ?? null;
  },

  async assign(userId: number, siteCode: string, includeDescendants = false) {
    const site = await strapi.db.query(SITE_UID).findOne({ where: { code: siteCode }, select: ['id'] });
    if (!site) throw new errors.NotFoundError(`No site with code "${siteCode}"`);
    const existing = await strapi.db.query(ASSIGNMENT_UID).findOne({ where: { userId, siteId: site.id } });
    if (existing) {
      return strapi.db.query(ASSIGNMENT_UID).update({ where: { id: existing.id }, data: { includeDescendants } });
    }
    return strapi.db.query(ASSIGNMENT_UID).create({ data: { userId, siteId: site.id, includeDescendants } });
  },

  async unassign(userId: number, siteCode: string) {
    const site = await strapi.db.query(SITE_UID).findOne({ where: { code: siteCode }, select: ['id'] });
    if (!site) throw new errors.NotFoundError(`No site with code "${siteCode}"`);
    await strapi.db.query(ASSIGNMENT_UID).deleteMany({ where: { userId, siteId: site.id } });
  },
});
