import type { Core } from '@strapi/strapi';
import { fieldProblem, throwFieldErrors, type FieldError, contentTypeOf } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { relationTarget } from '../utils/relation-target';
import { COLUMN_UID } from '../utils/uids';
import { validateTranslations } from '../validation/translations';
import { validateColumnRule } from '../validation/column-rule';
import { siteGroupContentTypes } from '../utils/site-group-types';
import { SITE_UID } from '../utils/uids';

type ColumnData = Record<string, unknown>;

export interface ColumnState {
  id?: number;
  documentId?: string;
  slug?: string;
  siteId?: number | null;
  fill?: string;
}

/**
 * Write-side rules for columns: every column belongs to a site, its slug is unique within that
 * site (URLs are /<site>/<column>), and a parent column is in the same site and not a descendant.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async current(documentId: string): Promise<ColumnState | null> {
    const row = await strapi.db.query(COLUMN_UID).findOne({
      where: { documentId },
      select: ['id', 'documentId', 'slug', 'fill'],
      populate: { site: { select: ['id'] } },
    });
    return row ? { id: row.id, documentId: row.documentId, slug: row.slug, siteId: row.site?.id ?? null, fill: row.fill } : null;
  },

  async check(data: ColumnData, before: ColumnState | null) {
    if (typeof data.name === 'string') data.name = data.name.trim().normalize('NFC');
    if ('translations' in data) {
      const locale = getService('locale');
      data.translations = validateTranslations(data.translations, {
        locales: await locale.codes(),
        primaryLocale: locale.primary(),
        fields: ['name'],
      });
    }

    const fill = data.fill ?? before?.fill ?? 'manual';
    if (fill === 'rule' && ('rule' in data || data.fill === 'rule')) data.rule = await this.normaliseRule(data.rule);

    const problems: FieldError[] = [];
    let siteId = before?.siteId ?? null;
    const siteTarget = relationTarget(data.site);
    if (siteTarget.change === 'set') {
      const site = await getService('site-integrity').findRef(siteTarget);
      if (!site) problems.push(fieldProblem(['site'], 'site not found', data.site));
      siteId = site?.id ?? null;
    } else if (siteTarget.change === 'clear') {
      siteId = null;
    }
    if (!siteId && !problems.length) problems.push(fieldProblem(['site'], 'a column must belong to a site'));
    throwFieldErrors(problems);

    const slug = typeof data.slug === 'string' ? data.slug : before?.slug;
    if (slug) {
      const clash = await strapi.db.query(COLUMN_UID).findOne({
        where: { slug, site: { id: siteId }, ...(before?.id ? { id: { $ne: before.id } } : {}) },
        select: ['id'],
      });
      if (clash) problems.push(fieldProblem(['slug'], `slug "${slug}" is already used by another column of this site`, slug));
    }

    const parentTarget = relationTarget(data.parent);
    if (parentTarget.change === 'set') {
      const where = parentTarget.documentId ? { documentId: parentTarget.documentId } : { id: parentTarget.id };
      const parent = await strapi.db.query(COLUMN_UID).findOne({ where, select: ['id', 'documentId'], populate: { site: { select: ['id'] } } });
      if (!parent) problems.push(fieldProblem(['parent'], 'parent column not found', data.parent));
      else if (parent.site?.id !== siteId) problems.push(fieldProblem(['parent'], 'parent column belongs to another site', data.parent));
      else if (before?.id && (await this.isSelfOrDescendant(parent.id, before.id))) {
        problems.push(fieldProblem(['parent'], 'a column cannot be moved under itself or one of its descendants', data.parent));
      }
    }
    throwFieldErrors(problems);
  },

  /** A smart column's rule, checked against the real content types and sites. */
  async normaliseRule(rule: unknown) {
    const typeUids = new Map<string, string>();
    for (const uid of siteGroupContentTypes(strapi)) {
      typeUids.set(uid, uid);
      typeUids.set(contentTypeOf(strapi, uid)!.info.singularName, uid);
    }
    const sites = await strapi.db.query(SITE_UID).findMany({ select: ['code'] });
    return validateColumnRule(rule, { typeUids, siteCodes: new Set(sites.map((s: { code: string }) => s.code)) });
  },

  /** Whether `candidateId` is `columnId` or lies below it (walks up from the candidate). */
  async isSelfOrDescendant(candidateId: number, columnId: number): Promise<boolean> {
    const seen = new Set<number>();
    let id: number | undefined = candidateId;
    while (id !== undefined && !seen.has(id)) {
      if (id === columnId) return true;
      seen.add(id);
      const row = await strapi.db.query(COLUMN_UID).findOne({ where: { id }, select: ['id'], populate: { parent: { select: ['id'] } } });
      id = row?.parent?.id;
    }
    return false;
  },
});
