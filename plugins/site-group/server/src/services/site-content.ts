import type { Core, Schema, UID } from '@strapi/strapi';
import { sanitizeRichText, DISCLOSURE_FIELD, VISIBLE_DISCLOSURES, catalogueEntry, publicView, contentTypeOf } from '@jiyue/kernel';
import type { ItemPlacement } from '@jiyue/kernel';
import { errors } from '@strapi/utils';
import { contentHash } from '../utils/content-hash';
import { getService } from '../utils/get-service';
import { itemFields, type ItemFields } from '../utils/item-fields';
import { localizedName, type Translations } from '../utils/localized-name';
import type { ColumnRule } from '../validation/column-rule';
import { pageMeta } from '../utils/page-meta';
import { COLUMN_UID, PLACEMENT_UID, SITE_UID } from '../utils/uids';
import { isArchived } from '../utils/column-archive';
import { hasDisclosure } from '../document-middlewares/public-disclosure';

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

/** Where an item is placed, as other plugins see it (kernel contract). */
export type { ItemPlacement };

/** What is read here of a site row. */
interface SiteRow {
  id: number;
  code: string;
  name: string;
  translations: Translations;
  domains?: string[] | null;
  siteIdentifier: string | null;
  sponsor: string | null;
  icpFiling: string | null;
  publicSecurityFiling: string | null;
  regionCode: string | null;
}

/** What is read here of a column row (`rule` is set on columns filled by a rule). */
interface ColumnRow {
  id: number;
  slug: string;
  name: string;
  translations: Translations;
  kind: string;
  fill: string;
  rule: ColumnRule;
  expiresAt?: string | Date | null;
}

/** A published row of an item as `publishedRows` selects it (the listing fields are named by the type's ItemFields). */
type ItemRow = Record<string, unknown> & { documentId: string; locale: string; publishedAt: string; disclosure?: unknown };

interface ListEntry {
  uid: string;
  documentId: string;
  mode: 'reference' | 'copy' | 'rule';
  pinned: boolean;
  publishDate: string | null;
  originDocumentId?: string;
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
    const disclosed = hasDisclosure(contentTypeOf(strapi, uid));
    const rows = (await strapi.db.query(uid).findMany({
      where: {
        documentId: { $in: documentIds },
        publishedAt: { $notNull: true },
        locale: { $in: [...new Set([locale, primary()])] },
        // 不予公开 items never leave the admin (kernel disclosure rule)
        ...(disclosed ? { [DISCLOSURE_FIELD]: { $in: [...VISIBLE_DISCLOSURES] } } : {}),
      },
      select: ['documentId', 'locale', 'publishedAt', ...select, ...(disclosed ? [DISCLOSURE_FIELD] : [])],
    })) as ItemRow[];
    const byDocument = new Map<string, ItemRow>();
    for (const row of rows) {
      const have = byDocument.get(row.documentId);
      if (!have || row.locale === locale) byDocument.set(row.documentId, row);
    }
    return byDocument;
  };

  /**
   * Document ids of every not-public item (types with a disclosure field): placements of these are
   * neither listed nor counted. Bounded by the number of 不予公开 items, which a site keeps few of.
   */
  const hiddenDocumentIds = async (uids?: string[]): Promise<string[]> => {
    const ids = new Set<string>();
    for (const [uid, schema] of Object.entries(strapi.contentTypes as Record<string, Schema.ContentType>)) {
      if (!hasDisclosure(schema) || (uids && !uids.includes(uid))) continue;
      const rows = await strapi.db.query(uid).findMany({ where: { [DISCLOSURE_FIELD]: { $notIn: [...VISIBLE_DISCLOSURES] } }, select: ['documentId'] });
      for (const row of rows as { documentId: string }[]) ids.add(row.documentId);
    }
    return [...ids];
  };

  const site = async (code: string) => {
    const row = await strapi.db.query(SITE_UID).findOne({ where: { code } });
    if (!row) throw new errors.NotFoundError(`No site with code "${code}"`);
    return row as SiteRow;
  };

  const column = async (siteRow: SiteRow, slug: string) => {
    const row = await strapi.db.query(COLUMN_UID).findOne({ where: { site: { id: siteRow.id }, slug } });
    if (!row) throw new errors.NotFoundError(`Site "${siteRow.code}" has no column "${slug}"`);
    return row as ColumnRow;
  };

  const siteIdentity = (row: SiteRow, locale: string) => ({
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

  const publicColumn = (row: ColumnRow, locale: string) => ({
    slug: row.slug,
    name: localizedName(row, locale, primary()).name,
    kind: row.kind,
    fill: row.fill,
    ...(isArchived(row) ? { archived: true } : {}),
  });

  const placementEntries = async (columnRow: ColumnRow, page: number, pageSize: number): Promise<{ entries: ListEntry[]; total: number }> => {
    const hidden = await hiddenDocumentIds();
    const where = {
      columnId: columnRow.id,
      ...LISTED,
      ...(hidden.length ? { itemDocumentId: { $notIn: hidden }, $or: [{ copyDocumentId: { $null: true } }, { copyDocumentId: { $notIn: hidden } }] } : {}),
    };
    const [placements, total] = await Promise.all([
      strapi.db.query(PLACEMENT_UID).findMany({ where, orderBy: LIST_ORDER, offset: (page - 1) * pageSize, limit: pageSize }) as Promise<Placement[]>,
      strapi.db.query(PLACEMENT_UID).count({ where }),
    ]);
    const entries = placements.map((p) => ({
      uid: p.contentType,
      documentId: shownDocumentId(p),
      mode: p.mode,
      pinned: p.pinned,
      publishDate: p.sitePublishedAt,
      originDocumentId: p.mode === 'copy' ? p.itemDocumentId : undefined,
    }));
    return { entries, total };
  };

  const ruleEntries = async (columnRow: ColumnRow, page: number, pageSize: number): Promise<{ entries: ListEntry[]; total: number }> => {
    const { entries, total } = await getService('smart-column').items(columnRow.rule, { page, pageSize });
    return { entries: entries.map((e) => ({ uid: e.uid, documentId: e.documentId, mode: 'rule' as const, pinned: false, publishDate: null })), total };
  };

  /** For an item page outside any placement: the first smart column of the site whose rule shows it. */
  const ruleSource = async (siteId: number, documentId: string) => {
    const columns = (await strapi.db.query(COLUMN_UID).findMany({ where: { site: { id: siteId }, fill: 'rule' }, select: ['id', 'rule'] })) as Pick<ColumnRow, 'id' | 'rule'>[];
    if (!columns.length) return null;
    for (const uid of new Set(columns.flatMap((c) => c.rule?.types ?? []))) {
      const column = await getService('smart-column').matchingColumn(columns, uid, documentId);
      if (column) return { uid, columnId: column.id };
    }
    return null;
  };

  /**
   * Where each of many items is placed, in three queries, keyed by the item's document id (a search
   * reindex reads a million items 500 at a time: one query per item was most of its cost).
   */
  const itemPlacementsOf = async (documentIds: string[]): Promise<Map<string, ItemPlacement[]>> => {
    const byDocument = new Map<string, ItemPlacement[]>();
    if (!documentIds.length) return byDocument;
    const placements = (await strapi.db.query(PLACEMENT_UID).findMany({
      where: { ...LISTED, $or: [{ itemDocumentId: { $in: documentIds } }, { copyDocumentId: { $in: documentIds } }] },
      orderBy: { id: 'asc' },
    })) as Placement[];
    const siteIds = [...new Set(placements.map((p) => p.siteId))];
    const columnIds = [...new Set(placements.map((p) => p.columnId))];
    const [sites, columns] = (await Promise.all([
      siteIds.length ? strapi.db.query(SITE_UID).findMany({ where: { id: { $in: siteIds } }, select: ['id', 'code'] }) : [],
      columnIds.length ? strapi.db.query(COLUMN_UID).findMany({ where: { id: { $in: columnIds } }, select: ['id', 'slug'] }) : [],
    ])) as [Pick<SiteRow, 'id' | 'code'>[], Pick<ColumnRow, 'id' | 'slug'>[]];
    const siteCode = new Map<number, string>(sites.map((s) => [s.id, s.code]));
    const columnSlug = new Map<number, string>(columns.map((c) => [c.id, c.slug]));
    const wanted = new Set(documentIds);
    for (const p of placements) {
      const placement: ItemPlacement = {
        placementId: p.id,
        site: siteCode.get(p.siteId),
        column: columnSlug.get(p.columnId),
        mode: p.mode,
        documentId: shownDocumentId(p),
        pinned: p.pinned,
        path: `/${siteCode.get(p.siteId)}/${columnSlug.get(p.columnId)}/${shownDocumentId(p)}`,
      };
      for (const id of new Set([p.itemDocumentId, p.copyDocumentId])) {
        if (id && wanted.has(id)) byDocument.set(id, [...(byDocument.get(id) ?? []), placement]);
      }
    }
    return byDocument;
  };

  return {
    /**
     * A page of a column's items. Hand-filled columns list their placements: pinned first, then by
     * priority, then newest by the site's own publish time. Smart columns list what their rule matches.
     */
    async columnItems({ siteCode, slug, locale, page, pageSize }: { siteCode: string; slug: string; locale: string; page: number; pageSize: number }) {
      const siteRow = await site(siteCode);
      const columnRow = await column(siteRow, slug);
      const { entries, total } = columnRow.fill === 'rule' ? await ruleEntries(columnRow, page, pageSize) : await placementEntries(columnRow, page, pageSize);

      const rows = new Map<string, { row: ItemRow; fields: ItemFields }>();
      for (const uid of new Set(entries.map((e) => e.uid))) {
        const fields = itemFields(contentTypeOf(strapi, uid)!);
        const select = [fields.title, fields.summary, fields.date].filter(Boolean) as string[];
        const found = await publishedRows(uid, entries.filter((e) => e.uid === uid).map((e) => e.documentId), locale, select);
        for (const [documentId, row] of found) rows.set(`${uid}:${documentId}`, { row, fields });
      }

      const data = entries.flatMap((entry) => {
        const hit = rows.get(`${entry.uid}:${entry.documentId}`);
        if (!hit) return [];
        const { row, fields } = hit;
        const view = publicView(row);
        if (view === 'hidden') return [];
        return [{
          documentId: entry.documentId,
          type: contentTypeOf(strapi, entry.uid)!.info.singularName,
          title: row[fields.title],
          // 依申请公开: the catalogue entry only, no summary
          summary: fields.summary && view === 'full' ? row[fields.summary] ?? null : null,
          ...(view === 'catalogue' ? { disclosure: row[DISCLOSURE_FIELD] } : {}),
          publishDate: entry.publishDate ?? (fields.date ? row[fields.date] : null) ?? row.publishedAt,
          locale: row.locale,
          ...(row.locale !== locale ? { localeFallback: true } : {}),
          pinned: entry.pinned,
          mode: entry.mode,
          ...(entry.originDocumentId ? { originDocumentId: entry.originDocumentId } : {}),
          path: `/${siteRow.code}/${columnRow.slug}/${entry.documentId}`,
        }];
      });

      return {
        data,
        meta: {
          locale,
          site: siteIdentity(siteRow, locale),
          column: publicColumn(columnRow, locale),
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
      const source = placement
        ? { uid: placement.contentType, columnId: placement.columnId }
        : await ruleSource(siteRow.id, documentId);
      if (!source) throw new errors.NotFoundError(`Item "${documentId}" is not published in site "${siteCode}"`);

      const uid = source.uid;
      const contentType = contentTypeOf(strapi, uid);
      if (!contentType) throw new errors.NotFoundError(`Item "${documentId}" is not published in site "${siteCode}"`);
      const [row] = [...(await publishedRows(uid, [documentId], locale, ['id'])).values()];
      const view = publicView(row);
      if (!row || view === 'hidden') throw new errors.NotFoundError(`Item "${documentId}" is not published in site "${siteCode}"`);
      const found: Record<string, unknown> = (await strapi.documents(uid as UID.ContentType).findOne({ documentId, locale: row.locale, status: 'published', populate: '*' })) ?? {};
      // 依申请公开: only the catalogue entry (no body, no attachments, no relations)
      const entry: Record<string, unknown> = view === 'catalogue' ? catalogueEntry(found) : found;
      const sanitized = (await strapi.contentAPI.sanitize.output(entry, contentType, { auth: undefined })) as Record<string, unknown>;
      // Rich text leaves through the kernel's web allow list (scripts, event handlers, unsafe URLs removed).
      for (const [name, attribute] of Object.entries(contentType.attributes)) {
        if (attribute.type === 'richtext' && typeof sanitized[name] === 'string') sanitized[name] = sanitizeRichText(sanitized[name] as string, 'web');
      }
      const columnRow = await strapi.db.query(COLUMN_UID).findOne({ where: { id: source.columnId } });
      const identity = siteIdentity(siteRow, locale);
      const fields = itemFields(contentType);

      let originChanged: boolean | undefined;
      if (placement?.mode === 'copy') {
        const origin = await strapi.db.query(uid).findOne({ where: { documentId: placement.itemDocumentId, locale: primary(), publishedAt: { $notNull: true } } });
        originChanged = origin ? contentHash(origin, contentType.attributes) !== placement.originHash : false;
      }

      return {
        data: {
          ...sanitized,
          type: contentType.info.singularName,
          ...(row.locale !== locale ? { localeFallback: true } : {}),
          placement: placement
            ? {
                mode: placement.mode,
                pinned: placement.pinned,
                column: columnRow?.slug,
                publishDate: placement.sitePublishedAt,
                ...(placement.mode === 'copy' ? { originDocumentId: placement.itemDocumentId, originChanged } : {}),
              }
            : { mode: 'rule', pinned: false, column: columnRow?.slug, publishDate: null },
        },
        meta: {
          locale,
          site: identity,
          column: columnRow ? publicColumn(columnRow, locale) : null,
          pageMeta: pageMeta({ site: identity, column: columnRow ? { name: localizedName(columnRow, locale, primary()).name, kind: columnRow.kind } : null, item: entry, fields, path: `/${siteRow.code}/${columnRow?.slug}/${documentId}` }),
        },
      };
    },

    /** Where an item appears publicly: its active placements (and those of copies made from it). */
    async itemPlacements(documentId: string): Promise<ItemPlacement[]> {
      if ((await hiddenDocumentIds()).includes(documentId)) return [];
      return (await itemPlacementsOf([documentId])).get(documentId) ?? [];
    },

    hiddenDocumentIds,

    itemPlacementsOf,
  };
};
