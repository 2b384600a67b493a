import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { itemFields } from '../utils/item-fields';
import { OWNER_FIELD } from '../utils/site-group-types';
import type { ColumnRule } from '../validation/column-rule';
import { DISCLOSURE_FIELD, VISIBLE_DISCLOSURES, attributesOf, contentTypeOf } from '@jiyue/kernel';
import { hasDisclosure } from '../document-middlewares/public-disclosure';

/**
 * Smart columns (智能栏目) are filled by a saved rule instead of by hand, e.g. a cluster-wide
 * special topic of every county's employment policies. Lists are paged over primary-locale rows so
 * every document counts once, then shown in the requested locale where it exists.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  return {
    /** Owning-site codes the rule covers, or null for the whole cluster. */
    async ruleSites(rule: ColumnRule): Promise<string[] | null> {
      if (!rule.sites?.length && !rule.levels?.length) return null;
      const tree = await getService('editor-scope').hierarchy();
      let ids = rule.sites?.length
        ? rule.sites.flatMap((code) => {
            const site = tree.byCode.get(code);
            if (!site) return [];
            return rule.includeDescendants ? tree.subtree(site.id) : [site.id];
          })
        : [...tree.byId.keys()];
      if (rule.levels?.length) ids = ids.filter((id) => rule.levels!.includes(tree.byId.get(id)!.level ?? ''));
      return [...new Set(ids)].map((id) => tree.byId.get(id)!.code);
    },

    /** The database filter for one type under the rule, or null when the rule cannot match that type. */
    where(uid: string, rule: ColumnRule, sites: string[] | null) {
      const where: Record<string, unknown> = { publishedAt: { $notNull: true }, locale: getService('locale').primary() };
      if (sites) where[OWNER_FIELD] = { $in: sites };
      // 不予公开 items are never listed nor counted by a smart column (kernel disclosure rule)
      if (hasDisclosure(contentTypeOf(strapi, uid))) where[DISCLOSURE_FIELD] = { $in: [...VISIBLE_DISCLOSURES] };
      if (rule.themes?.length) {
        if (!('themeCategory' in attributesOf(strapi, uid))) return null;
        where.themeCategory = { $in: rule.themes };
      }
      return where;
    },

    /** One page of the rule's items, newest first across all its types. */
    async items(rule: ColumnRule, { page, pageSize }: { page: number; pageSize: number }) {
      const sites = await this.ruleSites(rule);
      const window = page * pageSize;
      let total = 0;
      const candidates: { uid: string; documentId: string; date: string }[] = [];
      for (const uid of rule.types) {
        const where = this.where(uid, rule, sites);
        if (!where) continue;
        const dateField = itemFields(contentTypeOf(strapi, uid)!).date ?? 'publishedAt';
        const [rows, count] = (await Promise.all([
          strapi.db.query(uid).findMany({ where, select: ['documentId', dateField, 'publishedAt'], orderBy: [{ [dateField]: 'desc' }, { id: 'desc' }], limit: window }),
          strapi.db.query(uid).count({ where }),
        ])) as [(Record<string, unknown> & { documentId: string; publishedAt: string })[], number];
        total += count;
        candidates.push(...rows.map((r) => ({ uid, documentId: r.documentId, date: String(r[dateField] ?? r.publishedAt) })));
      }
      candidates.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
      return { entries: candidates.slice((page - 1) * pageSize, window), total };
    },

    /** Whether the item is shown by one of the given rule columns (for item pages of smart columns). */
    async matchingColumn(columns: { id: number; rule: ColumnRule }[], uid: string, documentId: string) {
      for (const column of columns) {
        if (!column.rule?.types?.includes(uid)) continue;
        const where = this.where(uid, column.rule, await this.ruleSites(column.rule));
        if (where && (await strapi.db.query(uid).count({ where: { ...where, documentId } }))) return column;
      }
      return null;
    },
  };
};
