import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { buildTree } from '../utils/build-tree';
import { localizedName, type Translations } from '../utils/localized-name';
import { COLUMN_UID, SITE_UID } from '../utils/uids';
import { isArchived } from '../utils/column-archive';

const SITE_FIELDS = [
  'id', 'documentId', 'code', 'name', 'translations', 'siteIdentifier', 'level', 'kind', 'regionCode',
  'domains', 'sponsor', 'icpFiling', 'publicSecurityFiling', 'state', 'sortOrder',
];
const COLUMN_FIELDS = ['id', 'documentId', 'slug', 'name', 'translations', 'kind', 'fill', 'linkUrl', 'description', 'expiresAt', 'sortOrder'];

export interface SiteRow {
  id: number;
  documentId: string;
  code: string;
  name: string;
  translations: Translations;
  siteIdentifier: string | null;
  level: string;
  kind: string;
  regionCode: string;
  domains: string[] | null;
  sponsor: string | null;
  icpFiling: string | null;
  publicSecurityFiling: string | null;
  state: string;
  sortOrder: number | null;
  parent?: { id: number; documentId?: string } | null;
}

export interface ColumnRow {
  id: number;
  documentId: string;
  slug: string;
  name: string;
  translations: Translations;
  kind: string;
  fill: string;
  linkUrl: string | null;
  description: string | null;
  expiresAt: string | null;
  sortOrder: number | null;
  parent?: { id: number } | null;
}

/** Read side of the site tree: what the public content API and other plugins see of sites and columns. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const primaryLocale = () => strapi.plugin('site-group').config('primaryLocale') as string;

  const publicSite = (row: SiteRow, locale: string) => {
    const { name, localeFallback } = localizedName(row, locale, primaryLocale());
    return {
      documentId: row.documentId,
      code: row.code,
      name,
      ...(localeFallback ? { localeFallback } : {}),
      level: row.level,
      kind: row.kind,
      regionCode: row.regionCode,
      siteIdentifier: row.siteIdentifier,
      domains: row.domains ?? [],
      sponsor: row.sponsor,
      icpFiling: row.icpFiling,
      publicSecurityFiling: row.publicSecurityFiling,
      state: row.state,
      sortOrder: row.sortOrder ?? 0,
    };
  };

  const publicColumn = (row: ColumnRow, locale: string) => {
    const { name, localeFallback } = localizedName(row, locale, primaryLocale());
    return {
      documentId: row.documentId,
      slug: row.slug,
      name,
      ...(localeFallback ? { localeFallback } : {}),
      kind: row.kind,
      fill: row.fill,
      ...(isArchived(row) ? { archived: true } : {}),
      linkUrl: row.linkUrl,
      description: row.description,
      expiresAt: row.expiresAt,
      sortOrder: row.sortOrder ?? 0,
    };
  };

  const loadSites = async (where: Record<string, unknown> = {}): Promise<SiteRow[]> =>
    strapi.db.query(SITE_UID).findMany({
      where,
      select: SITE_FIELDS,
      populate: { parent: { select: ['id', 'documentId'] } },
    }) as Promise<SiteRow[]>;

  return {
    /** Every site nested under its parent; `state` filters (default: all). */
    async tree({ locale, state = 'all' }: { locale: string; state?: string }) {
      const rows = await loadSites(state === 'all' ? {} : { state });
      const flat = rows.map((row) => ({ ...row, parentId: row.parent?.id ?? null }));
      return { tree: buildTree(flat, (row) => publicSite(row, locale)), total: rows.length };
    },

    /** One site by code with its breadcrumb, child sites and column tree; 404 when unknown. */
    async findByCode(code: string, { locale, includeArchived = false }: { locale: string; includeArchived?: boolean }) {
      const [site] = await loadSites({ code });
      if (!site) throw new errors.NotFoundError(`No site with code "${code}"`);

      const ancestors = await this.ancestors(site.id);
      const children = await loadSites({ parent: { id: site.id } });
      const columns = (await strapi.db.query(COLUMN_UID).findMany({
        where: { site: { id: site.id } },
        select: COLUMN_FIELDS,
        populate: { parent: { select: ['id'] } },
      })) as ColumnRow[];

      const brief = (row: SiteRow) => {
        const { documentId, code: c, name, level, kind } = publicSite(row, locale);
        return { documentId, code: c, name, level, kind };
      };

      return {
        ...publicSite(site, locale),
        parent: ancestors.length ? brief(ancestors[ancestors.length - 1]) : null,
        ancestors: ancestors.map(brief),
        children: children.sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.code.localeCompare(b.code)).map(brief),
        columns: buildTree(
          columns.filter((row) => includeArchived || !isArchived(row)).map((row) => ({ ...row, parentId: row.parent?.id ?? null })),
          (row) => publicColumn(row, locale)
        ),
      };
    },

    /** The disclosure catalogue of a site: its catalogue columns nested, each with its entry instructions (录入说明). */
    async catalogue(code: string) {
      const [site] = await loadSites({ code });
      if (!site) throw new errors.NotFoundError(`No site with code "${code}"`);
      const classes = (await strapi.db.query(COLUMN_UID).findMany({
        where: { site: { id: site.id }, kind: 'catalogue' },
        select: [...COLUMN_FIELDS, 'entryInstructions'],
        populate: { parent: { select: ['id'] } },
      })) as (ColumnRow & { entryInstructions?: string | null })[];
      return buildTree(
        classes.map((row) => ({ ...row, parentId: row.parent?.id ?? null })),
        (row) => ({ documentId: row.documentId, slug: row.slug, name: row.name, entryInstructions: row.entryInstructions ?? null })
      );
    },

    /** Ancestors of a site, root first. Stops at a repeated id so a corrupt tree cannot loop forever. */
    async ancestors(siteId: number): Promise<SiteRow[]> {
      const chain: SiteRow[] = [];
      const seen = new Set<number>([siteId]);
      let current = await strapi.db.query(SITE_UID).findOne({
        where: { id: siteId },
        select: ['id'],
        populate: { parent: { select: SITE_FIELDS } },
      });
      while (current?.parent && !seen.has(current.parent.id)) {
        const parent = current.parent as SiteRow;
        seen.add(parent.id);
        chain.unshift(parent);
        current = await strapi.db.query(SITE_UID).findOne({
          where: { id: parent.id },
          select: ['id'],
          populate: { parent: { select: SITE_FIELDS } },
        });
      }
      return chain;
    },
  };
};
