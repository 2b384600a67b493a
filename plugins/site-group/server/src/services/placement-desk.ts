import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { buildTree } from '../utils/build-tree';
import { getService } from '../utils/get-service';
import { itemFields } from '../utils/item-fields';
import { localizedName, type Translations } from '../utils/localized-name';
import { isSuperAdmin, type Actor, type AdminSiteNode, type PlacementView, contentTypeOf, isClusterType } from '@jiyue/kernel';
import { OWNER_FIELD } from '../utils/site-group-types';
import { COLUMN_UID, PLACEMENT_UID, SITE_UID } from '../utils/uids';
import type { PlacementRow } from './placement';

/** A site or column as named in the admin (the primary name, others in `translations`). */
interface NamedRow {
  id: number;
  name: string;
  translations: Translations;
}
interface SiteRow extends NamedRow {
  code: string;
  level: string;
  kind: string;
  state: string;
  sortOrder: number | null;
  parent?: { id: number } | null;
}
interface ColumnRow extends NamedRow {
  slug: string;
  kind: string;
  fill: string;
  sortOrder: number | null;
  site: { id: number };
  parent?: { id: number } | null;
}

const INBOX_LIMIT = 200;

/**
 * What the admin screens read about placements: an item's placements with their sites and columns
 * named (the Site panel), the placement inbox of the editor's sites, and the site tree with columns
 * marked by what the editor may do there (the tree pickers). Read-only; the moves are `placement-flow`.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const primary = () => getService('locale').primary();

  /** Sites and columns by id, named in `locale` (fallback: the primary name). */
  const names = async (siteIds: number[], columnIds: number[], locale: string) => {
    const [sites, columns] = (await Promise.all([
      siteIds.length ? strapi.db.query(SITE_UID).findMany({ where: { id: { $in: siteIds } }, select: ['id', 'code', 'name', 'translations', 'level'] }) : [],
      columnIds.length ? strapi.db.query(COLUMN_UID).findMany({ where: { id: { $in: columnIds } }, select: ['id', 'slug', 'name', 'translations', 'kind'] }) : [],
    ])) as [Pick<SiteRow, 'id' | 'code' | 'name' | 'translations' | 'level'>[], Pick<ColumnRow, 'id' | 'slug' | 'name' | 'translations' | 'kind'>[]];
    type SiteName = { code: string; name: string; level: string };
    type ColumnName = { slug: string; name: string; kind: string };
    const name = (row: { name: string; translations: Translations }) => localizedName(row, locale, primary()).name;
    return {
      site: new Map<number, SiteName>(sites.map((s): [number, SiteName] => [s.id, { code: s.code, name: name(s), level: s.level }])),
      column: new Map<number, ColumnName>(columns.map((c): [number, ColumnName] => [c.id, { slug: c.slug, name: name(c), kind: c.kind }])),
    };
  };

  /** Admin users' display names by id (who placed or decided). */
  const people = async (ids: (number | null)[]) => {
    const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
    if (!wanted.length) return new Map<number, string>();
    const users = (await strapi.db.query('admin::user').findMany({ where: { id: { $in: wanted } }, select: ['id', 'firstname', 'lastname', 'email'] })) as {
      id: number;
      firstname: string | null;
      lastname: string | null;
      email: string;
    }[];
    return new Map<number, string>(users.map((u): [number, string] => [u.id, [u.firstname, u.lastname].filter(Boolean).join(' ') || u.email]));
  };

  /** Titles and owners of the items behind the rows (primary-locale draft row, any type). */
  const items = async (rows: PlacementRow[]) => {
    const byType = new Map<string, Set<string>>();
    for (const r of rows) byType.set(r.contentType, (byType.get(r.contentType) ?? new Set()).add(r.itemDocumentId));
    const out = new Map<string, { title: string; ownerSite: string | null }>();
    for (const [uid, ids] of byType) {
      const contentType = contentTypeOf(strapi, uid);
      if (!contentType) continue;
      const titleField = itemFields(contentType).title;
      const found = (await strapi.db.query(uid).findMany({
        where: { documentId: { $in: [...ids] }, publishedAt: null },
        select: ['documentId', 'locale', titleField, OWNER_FIELD],
      })) as (Record<string, unknown> & { documentId: string; locale: string; [OWNER_FIELD]?: string | null })[];
      for (const row of found) {
        const key = `${uid} ${row.documentId}`;
        if (out.has(key) && row.locale !== primary()) continue;
        out.set(key, { title: String(row[titleField] ?? row.documentId), ownerSite: row[OWNER_FIELD] ?? null });
      }
    }
    return out;
  };

  const describe = async (rows: PlacementRow[], locale: string): Promise<PlacementView[]> => {
    const [named, who, facts] = await Promise.all([
      names([...new Set(rows.map((r) => r.siteId))], [...new Set(rows.map((r) => r.columnId))], locale),
      people(rows.flatMap((r) => [r.placedById, r.decidedById])),
      items(rows),
    ]);
    // The owning sites named too (the inbox says where an item comes from).
    const ownerCodes = [...new Set([...facts.values()].map((f) => f.ownerSite).filter((c): c is string => Boolean(c)))];
    const owners = ownerCodes.length
      ? ((await strapi.db.query(SITE_UID).findMany({ where: { code: { $in: ownerCodes } }, select: ['code', 'name', 'translations'] })) as Pick<SiteRow, 'code' | 'name' | 'translations'>[])
      : [];
    const ownerName = new Map<string, string>(owners.map((o): [string, string] => [o.code, localizedName(o, locale, primary()).name]));
    return rows.map((r): PlacementView => {
      const item = facts.get(`${r.contentType} ${r.itemDocumentId}`);
      return {
        id: r.id,
        contentType: r.contentType,
        documentId: r.itemDocumentId,
        title: item?.title ?? null,
        ownerSite: item?.ownerSite ?? null,
        owner: item?.ownerSite ? { code: item.ownerSite, name: ownerName.get(item.ownerSite) ?? item.ownerSite } : null,
        site: named.site.get(r.siteId) ?? null,
        column: named.column.get(r.columnId) ?? null,
        mode: r.mode,
        copyDocumentId: r.copyDocumentId,
        state: r.state,
        origin: r.origin,
        pinned: r.pinned,
        priority: r.priority,
        sitePublishedAt: r.sitePublishedAt,
        itemPublished: r.itemPublished,
        placedBy: r.placedById ? { id: r.placedById, name: who.get(r.placedById) ?? null } : null,
        decidedBy: r.decidedById ? { id: r.decidedById, name: who.get(r.decidedById) ?? null } : null,
        decidedAt: r.decidedAt,
        reason: r.reason,
        createdAt: r.createdAt,
      };
    });
  };

  return {
    /**
     * Every placement of one item (all states), for the Site panel: site, column, mode, state,
     * pinned, order, site publish time, who placed or decided it and why. Pending and active first,
     * then by site code.
     */
    async forItem(uid: string, documentId: string, { locale }: { locale?: string } = {}) {
      // The type is a path segment here: an unknown or not placed type is a missing resource.
      if (!isClusterType(contentTypeOf(strapi, uid))) throw new errors.NotFoundError(`No content type "${uid}" placed by site-group`);
      await getService('placement').findItemOwner(uid, documentId);
      const rows = (await strapi.db.query(PLACEMENT_UID).findMany({
        where: { contentType: uid, itemDocumentId: documentId },
        orderBy: [{ id: 'asc' }],
      })) as PlacementRow[];
      const rank: Record<string, number> = { pending: 0, active: 1, rejected: 2, withdrawn: 3 };
      const described = await describe(rows, await getService('locale').resolve(locale));
      return described.sort((a, b) => rank[a.state] - rank[b.state] || String(a.site?.code).localeCompare(String(b.site?.code)) || a.id - b.id);
    },

    /**
     * The placement inbox: pending placements into the editor's sites (submissions from lower sites,
     * pushes from higher ones, requests from neighbours), oldest first. `site` narrows it to one of
     * the editor's sites (403 for another); Super Admins see every site's.
     */
    async inbox(actor: Actor, { site, locale }: { site?: string; locale?: string }) {
      const where: Record<string, unknown> = { state: 'pending' };
      if (site) {
        const row = await strapi.db.query(SITE_UID).findOne({ where: { code: site }, select: ['id'] });
        if (!row) throw new errors.NotFoundError(`No site with code "${site}"`, { site });
        await getService('editor-scope').assertCanActFor(actor, site, `see the inbox of site "${site}"`);
        where.siteId = row.id;
      } else if (actor.kind === 'admin' && !isSuperAdmin(actor.user)) {
        where.siteId = { $in: await getService('editor-scope').siteIds(actor.user.id) };
      } else if (actor.kind !== 'admin') {
        return [];
      }
      const rows = (await strapi.db.query(PLACEMENT_UID).findMany({ where, orderBy: [{ id: 'asc' }], limit: INBOX_LIMIT })) as PlacementRow[];
      return describe(rows, await getService('locale').resolve(locale));
    },

    /**
     * The site tree for the admin pickers, each site with its columns (nested) and `mine`: whether
     * the editor acts for it. Names are public (the content API shows the same tree); `mine: true`
     * keeps only the editor's sites (a forest when they are not connected) — the owning-site picker.
     * Columns filled by a rule (smart columns) and link columns take no placements: `placeable: false`.
     */
    async tree(actor: Actor, { mine, locale }: { mine?: boolean; locale?: string }) {
      const shown = await getService('locale').resolve(locale);
      const visible =
        actor.kind === 'admin' && !isSuperAdmin(actor.user) ? new Set(await getService('editor-scope').siteIds(actor.user.id)) : null;
      const sites = (await strapi.db.query(SITE_UID).findMany({
        select: ['id', 'code', 'name', 'translations', 'level', 'kind', 'state', 'sortOrder'],
        populate: { parent: { select: ['id'] } },
      })) as SiteRow[];
      const kept = sites.filter((s) => s.state !== 'archived' && (!mine || !visible || visible.has(s.id)));
      const columns = kept.length
        ? ((await strapi.db.query(COLUMN_UID).findMany({
            where: { site: { id: { $in: kept.map((s) => s.id) } } },
            select: ['id', 'slug', 'name', 'translations', 'kind', 'fill', 'sortOrder'],
            populate: { site: { select: ['id'] }, parent: { select: ['id'] } },
          })) as ColumnRow[])
        : [];
      const columnsOf = new Map<number, ColumnRow[]>();
      for (const c of columns) columnsOf.set(c.site.id, [...(columnsOf.get(c.site.id) ?? []), c]);
      const name = (row: { name: string; translations: Translations }) => localizedName(row, shown, primary()).name;
      const tree = buildTree(
        kept.map((s) => ({ ...s, parentId: s.parent?.id ?? null })),
        (s) => ({
          code: s.code,
          name: name(s),
          level: s.level,
          kind: s.kind,
          mine: visible ? visible.has(s.id) : true,
          columns: buildTree(
            (columnsOf.get(s.id) ?? []).map((c) => ({ ...c, parentId: c.parent?.id ?? null })),
            (c) => ({ slug: c.slug, name: name(c), kind: c.kind, placeable: c.fill !== 'rule' && c.kind !== 'link' })
          ),
        })
      );
      // buildTree nests what the mappers above return: sites and columns of the kernel's picker shapes.
      return { tree: tree as AdminSiteNode[], total: kept.length };
    },
  };
};
