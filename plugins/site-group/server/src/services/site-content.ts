import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contentHash } from '../utils/content-hash';
import { getService } from '../utils/get-service';
import { itemFields } from '../utils/item-fields';
import { localizedName } from '../utils/localized-name';
import { pageMeta } from '../utils/page-meta';
import { COLUMN_UID, PLACEMENT_UID, SITE_UID } from '../utils/uids';

interface Placement {
  id: number;
  contentType: string;
  itemDocumentId: string;
  copyDocumentId: string | null;
  originHash: string | null;
  siteId: number;
  columnId: number;
  mode: 'reference' | 'copy';
  pinned: boolean;
  priority: number;
  sitePublishedAt: string | null;
  origin: string;
}

const LISTED = { state: 'active', itemPublished: true };
const LIST_ORDER = [{ pinned: 'desc' }, { priority: 'desc' }, { sitePublishedAt: 'desc' }, { id: 'desc' }];

/**
 * The site-builder's read side: what a site shows in a column and on an item page. Public and
 * published-only: a placement is listed only while its item (or copy) has a published version.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const primary = () => getService('locale').primary();
  const shownDocumentId = (p: Placement) => (p.mode === 'copy' ? p.copyDocumentId! : p.itemDocumentId);

  /** Published rows of the given documents in `locale`, falling back to the primary locale. */
  const publishedRows = async (uid: string, documentIds: string[], locale: string, select: string[]) => {
    const rows = await strapi.db.query(uid as any).findMany({
      where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true }, locale: { $in: [...new Set([locale, primary()])] } },
      select: ['documentId', 'locale', 'publishedAt', ...select],
    });
    const byDocument = new Map<string, any>();
    for (const row of rows) {
      const have = byDocument.get(row.documentId);
      if (!have || row.locale === locale) byDocument.set(row.documentId, row);
    }
    return byDocument;
  };

  const site = async (code: string) => {
    const row = await strapi.db.query(SITE_UID).findOne({ where: { code } });
    if (!row) throw new errors.NotFoundError(`No site with code "${code}"`);
    return row;
  };

  const column = async (siteRow: any, slug: string) => {
    const row = await strapi.db.query(COLUMN_UID).findOne({ where: { site: { id: siteRow.id }, slug } });
    if (!row) throw new errors.NotFoundError(`Site "${siteRow.code}" has no column "${slug}"`);
    return row;
  };

  const siteIdentity = (row: any, locale: string) => ({
    code: row.code,
    name: localizedName(row, locale, primary()).name,
    domain: row.domains?.[0] ?? null,
    domains: row.domains ?? [],
    siteIdentifier: row.siteIdentifier,
    sponsor: row.translations?.[locale]?.sponsor ?? row.sponsor,
    icpFiling: row.icpFiling,
    publicSecurityFiling: row.publicSecurityFiling,
    regionCode: row.regionCode,
  });

  return {
    /** A page of a column's items: pinned first, then by priority, then newest by the site's own publish time. */
    async columnItems({ siteCode, slug, locale, page, pageSize }: { siteCode: string; slug: string; locale: string; page: number; pageSize: number }) {
      const siteRow = await site(siteCode);
      const columnRow = await column(siteRow, slug);
      const where = { columnId: columnRow.id, ...LISTED };
      const [placements, total] = await Promise.all([
        strapi.db.query(PLACEMENT_UID).findMany({ where, orderBy: LIST_ORDER, offset: (page - 1) * pageSize, limit: pageSize }) as Promise<Placement[]>,
        strapi.db.query(PLACEMENT_UID).count({ where }),
      ]);

      const byType = new Map<string, Placement[]>();
      for (const p of placements) byType.set(p.contentType, [...(byType.get(p.contentType) ?? []), p]);
      const rows = new Map<string, any>();
      for (const [uid, group] of byType) {
        const fields = itemFields(strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as any);
        const select = [fields.title, fields.summary, fields.date].filter(Boolean) as string[];
        const found = await publishedRows(uid, group.map(shownDocumentId), locale, select);
        for (const [documentId, row] of found) rows.set(`${uid}:${documentId}`, { row, fields });
      }

      const data = placements.flatMap((p) => {
        const hit = rows.get(`${p.contentType}:${shownDocumentId(p)}`);
        if (!hit) return [];
        const { row, fields } = hit;
        const documentId = shownDocumentId(p);
        return [{
          documentId,
          type: strapi.contentTypes[p.contentType as keyof typeof strapi.contentTypes].info.singularName,
          title: row[fields.title],
          summary: fields.summary ? row[fields.summary] ?? null : null,
          publishDate: p.sitePublishedAt ?? (fields.date ? row[fields.date] : row.publishedAt),
          locale: row.locale,
          ...(row.locale !== locale ? { localeFallback: true } : {}),
          pinned: p.pinned,
          mode: p.mode,
          ...(p.mode === 'copy' ? { originDocumentId: p.itemDocumentId } : {}),
          path: `/${siteRow.code}/${columnRow.slug}/${documentId}`,
        }];
      });

      return {
        data,
        meta: {
          locale,
          site: siteIdentity(siteRow, locale),
          column: { slug: columnRow.slug, name: localizedName(columnRow, locale, primary()).name, kind: columnRow.kind },
          pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
        },
      };
    },

    /** An item as a site shows it, with the page identity a government page must carry; 404 unless placed there. */
    async siteItem({ siteCode, documentId, locale }: { siteCode: string; documentId: string; locale: string }) {
      const siteRow = await site(siteCode);
      const [placement] = (await strapi.db.query(PLACEMENT_UID).findMany({
        where: { siteId: siteRow.id, ...LISTED, $or: [{ mode: 'reference', itemDocumentId: documentId }, { mode: 'copy', copyDocumentId: documentId }] },
        orderBy: [{ pinned: 'desc' }, { id: 'asc' }],
        limit: 1,
      })) as Placement[];
      if (!placement) throw new errors.NotFoundError(`Item "${documentId}" is not published in site "${siteCode}"`);

      const uid = placement.contentType as any;
      const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as any;
      const [row] = [...(await publishedRows(uid, [documentId], locale, ['id'])).values()];
      const entry: Record<string, any> = (await strapi.documents(uid).findOne({ documentId, locale: row.locale, status: 'published', populate: '*' })) ?? {};
      const sanitized = (await strapi.contentAPI.sanitize.output(entry, contentType, { auth: undefined })) as Record<string, unknown>;
      const columnRow = await strapi.db.query(COLUMN_UID).findOne({ where: { id: placement.columnId } });
      const identity = siteIdentity(siteRow, locale);
      const fields = itemFields(contentType);

      let originChanged: boolean | undefined;
      if (placement.mode === 'copy') {
        const origin = await strapi.db.query(uid).findOne({ where: { documentId: placement.itemDocumentId, locale: primary(), publishedAt: { $notNull: true } } });
        originChanged = origin ? contentHash(origin, contentType.attributes) !== placement.originHash : false;
      }

      return {
        data: {
          ...sanitized,
          type: contentType.info.singularName,
          ...(row.locale !== locale ? { localeFallback: true } : {}),
          placement: {
            mode: placement.mode,
            pinned: placement.pinned,
            column: columnRow?.slug,
            publishDate: placement.sitePublishedAt,
            ...(placement.mode === 'copy' ? { originDocumentId: placement.itemDocumentId, originChanged } : {}),
          },
        },
        meta: {
          locale,
          site: identity,
          column: columnRow ? { slug: columnRow.slug, name: localizedName(columnRow, locale, primary()).name, kind: columnRow.kind } : null,
          pageMeta: pageMeta({ site: identity, column: columnRow ? { name: localizedName(columnRow, locale, primary()).name, kind: columnRow.kind } : null, item: entry, fields, path: `/${siteRow.code}/${columnRow?.slug}/${documentId}` }),
        },
      };
    },

    /** Where an item appears publicly: its active placements (and those of copies made from it). */
    async itemPlacements(documentId: string) {
      const placements = (await strapi.db.query(PLACEMENT_UID).findMany({
        where: { ...LISTED, $or: [{ itemDocumentId: documentId }, { copyDocumentId: documentId }] },
        orderBy: { id: 'asc' },
      })) as Placement[];
      const siteIds = [...new Set(placements.map((p) => p.siteId))];
      const columnIds = [...new Set(placements.map((p) => p.columnId))];
      const [sites, columns] = await Promise.all([
        siteIds.length ? strapi.db.query(SITE_UID).findMany({ where: { id: { $in: siteIds } }, select: ['id', 'code'] }) : [],
        columnIds.length ? strapi.db.query(COLUMN_UID).findMany({ where: { id: { $in: columnIds } }, select: ['id', 'slug'] }) : [],
      ]);
      const siteCode = new Map<number, string>(sites.map((s: any) => [s.id, s.code] as [number, string]));
      const columnSlug = new Map<number, string>(columns.map((c: any) => [c.id, c.slug] as [number, string]));
      return placements.map((p) => ({
        site: siteCode.get(p.siteId),
        column: columnSlug.get(p.columnId),
        mode: p.mode,
        documentId: shownDocumentId(p),
        pinned: p.pinned,
        path: `/${siteCode.get(p.siteId)}/${columnSlug.get(p.columnId)}/${shownDocumentId(p)}`,
      }));
    },
  };
};
