import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { contentHash } from '../utils/content-hash';
import { emitEvent, fieldProblem, throwFieldErrors, type Actor, type PlacementView, attributesOf, contentTypeOf, isClusterType } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { OWNER_FIELD } from '../utils/site-group-types';
import { COLUMN_UID, PLACEMENT_UID, SITE_UID } from '../utils/uids';

/** A placement's mode, state and origin: the kernel's shapes (contracts/site-group), shared with the admin. */
export type PlacementMode = PlacementView['mode'];
export type PlacementState = PlacementView['state'];
export type PlacementOrigin = PlacementView['origin'];

export interface PlaceInput {
  contentType: string;
  documentId: string;
  site: string;
  column: string;
  mode?: PlacementMode;
  pinned?: boolean;
  priority?: number;
  sitePublishedAt?: string | null;
  state?: PlacementState;
  origin?: 'placed' | 'submitted' | 'pushed';
}

/** A placement as stored (every column). */
export interface PlacementRow {
  id: number;
  contentType: string;
  itemDocumentId: string;
  siteId: number;
  columnId: number;
  mode: PlacementMode;
  copyDocumentId: string | null;
  state: PlacementState;
  origin: PlacementOrigin;
  pinned: boolean;
  priority: number;
  sitePublishedAt: string | null;
  itemPublished: boolean;
  placedById: number | null;
  decidedById: number | null;
  decidedAt: string | null;
  reason: string | null;
  createdAt: string;
}

/** What a placement needs to know about its item, read once per item (`itemFacts`). */
export interface ItemFacts {
  published: boolean;
  date: string;
}

const actorId = (actor: Actor) => (actor.kind === 'admin' || actor.kind === 'user' ? actor.user.id : null);

/**
 * Placements put one shared item into a column of a site, by reference (the site always shows the
 * source's current published version) or as a copy (an independent document that remembers its
 * origin). Removing a placement never touches the item.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  assertPlaceableType(uid: string) {
    if (!isClusterType(contentTypeOf(strapi, uid))) {
      throwFieldErrors([fieldProblem(['contentType'], `"${uid}" is not a content type placed by site-group`, uid)]);
    }
  },

  async findSite(code: string) {
    const site = await strapi.db.query(SITE_UID).findOne({ where: { code } });
    if (!site) throw new errors.NotFoundError(`No site with code "${code}"`);
    return site;
  },

  async findColumn(siteId: number, slug: string, siteCode = '') {
    const column = await strapi.db.query(COLUMN_UID).findOne({ where: { site: { id: siteId }, slug } });
    if (!column) throw new errors.NotFoundError(`Site "${siteCode}" has no column "${slug}"`);
    return column;
  },

  /** The item's owner, or 404 when no version of the document exists. */
  async findItemOwner(uid: string, documentId: string): Promise<string> {
    const row = (await strapi.db.query(uid).findOne({ where: { documentId }, select: ['id', OWNER_FIELD] })) as { [OWNER_FIELD]: string } | null;
    if (!row) throw new errors.NotFoundError(`No ${uid} with documentId "${documentId}"`);
    return row[OWNER_FIELD];
  },

  /** When the item first went public in any locale, or null while it has no published version. */
  async publication(uid: string, documentId: string): Promise<{ published: boolean; at: string | null }> {
    const row = (await strapi.db.query(uid).findOne({
      where: { documentId, publishedAt: { $notNull: true } },
      select: ['publishedAt'],
      orderBy: { publishedAt: 'asc' },
    })) as { publishedAt: string } | null;
    return { published: Boolean(row), at: row?.publishedAt ?? null };
  },

  async itemDate(uid: string, documentId: string): Promise<string | null> {
    const attributes = attributesOf(strapi, uid);
    const select = ['publishedAt', ...('publishDate' in attributes ? ['publishDate'] : [])];
    const row = (await strapi.db.query(uid).findOne({ where: { documentId }, select, orderBy: { publishedAt: 'asc' } })) as { publishedAt: string | null; publishDate?: string | null } | null;
    return row?.publishDate ?? row?.publishedAt ?? null;
  },

  /** An active or pending placement of the item in the column, if any (one per column). */
  async existing(uid: string, documentId: string, columnId: number) {
    return strapi.db.query(PLACEMENT_UID).findOne({
      where: { contentType: uid, itemDocumentId: documentId, columnId, state: { $in: ['active', 'pending'] } },
    });
  },

  /**
   * Writes one placement after the caller has checked scope. A copy is created here as a new
   * document owned by the target site, with the origin's content hash kept to spot later changes.
   */
  async create(input: PlaceInput, actor: Actor) {
    this.assertPlaceableType(input.contentType);
    await this.findItemOwner(input.contentType, input.documentId);
    const site = await this.findSite(input.site);
    const column = await this.findColumn(site.id, input.column, site.code);

    const duplicate = await this.existing(input.contentType, input.documentId, column.id);
    if (duplicate) {
      throwFieldErrors([fieldProblem(['column'], `the item is already placed in ${site.code}/${column.slug} (${duplicate.state})`, input.column)]);
    }
    const item = await this.itemFacts(input.contentType, input.documentId);
    return this.write({ ...input, site, column, item }, actor);
  },

  /** What every placement of an item needs to know about it, read once (a push reuses it for every site). */
  async itemFacts(uid: string, documentId: string): Promise<ItemFacts> {
    const { published } = await this.publication(uid, documentId);
    return { published, date: (await this.itemDate(uid, documentId)) ?? new Date().toISOString() };
  },

  /** Inserts a placement whose site, column and item facts are already resolved, audits it and says so. */
  async write(
    input: Omit<PlaceInput, 'site' | 'column'> & { site: { id: number; code: string }; column: { id: number; slug: string }; item: ItemFacts },
    actor: Actor
  ) {
    const { site, column } = input;
    const mode = input.mode ?? 'reference';
    const copy = mode === 'copy' ? await this.createCopy(input.contentType, input.documentId, site.code) : null;
    const published = copy ? (await this.publication(input.contentType, copy.documentId)).published : input.item.published;

    const placement: PlacementRow = await strapi.db.query(PLACEMENT_UID).create({
      data: {
        contentType: input.contentType,
        itemDocumentId: input.documentId,
        siteId: site.id,
        columnId: column.id,
        mode,
        copyDocumentId: copy?.documentId ?? null,
        originHash: copy?.originHash ?? null,
        state: input.state ?? 'active',
        origin: input.origin ?? 'placed',
        pinned: input.pinned ?? false,
        priority: input.priority ?? 0,
        sitePublishedAt: input.sitePublishedAt ?? input.item.date,
        itemPublished: published,
        placedById: actorId(actor),
      },
    });
    await getService('audit').record({
      action: `placement.${placement.state === 'pending' ? 'requested' : 'created'}`,
      contentType: input.contentType,
      itemDocumentId: input.documentId,
      siteId: site.id,
      columnId: column.id,
      placementId: placement.id,
      actorId: actorId(actor),
      details: { mode, origin: placement.origin, copyDocumentId: placement.copyDocumentId },
    });
    emitEvent(strapi.eventHub, 'site-group.placement.changed', {
      uid: input.contentType,
      documentId: input.documentId,
      site: site.code,
      column: column.slug,
      state: placement.state,
    });
    return { ...placement, site: site.code, column: column.slug };
  },

  /** Copies the origin's primary-locale content into a new document owned by the target site. */
  async createCopy(uid: string, documentId: string, siteCode: string) {
    const contentType = contentTypeOf(strapi, uid);
    if (!contentType) throw new errors.NotFoundError(`No content type "${uid}"`);
    const unique = Object.entries(contentType.attributes).filter(([, a]) => 'unique' in a && a.unique).map(([n]) => n);
    if (unique.length) {
      throwFieldErrors([fieldProblem(['mode'], `${uid} cannot be copied because ${unique.join(', ')} must stay unique: place it by reference`, 'copy')]);
    }
    const locale = getService('locale').primary();
    const origin =
      (await strapi.documents(uid as UID.ContentType).findOne({ documentId, locale, status: 'published' })) ??
      (await strapi.documents(uid as UID.ContentType).findOne({ documentId, locale }));
    if (!origin) throw new errors.NotFoundError(`No ${locale} version of ${documentId} to copy`);

    const data: Record<string, unknown> = {};
    for (const [name, attr] of Object.entries(contentType.attributes)) {
      if (['relation', 'media', 'component', 'dynamiczone'].includes(attr.type) || ('writable' in attr && attr.writable === false)) continue;
      if (['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'localizations'].includes(name)) continue;
      if (name in origin) data[name] = (origin as Record<string, unknown>)[name];
    }
    data[OWNER_FIELD] = siteCode;
    const create = () =>
      strapi.documents(uid as UID.ContentType).create({
        // any: the create input of a content type known only at run time (Strapi types it per uid)
        data: data as any,
        locale,
        ...(origin.publishedAt ? { status: 'published' as const } : {}),
      });
    // A copy of a published origin carries content that already passed review there: it is
    // published the way the registered copy publisher says (review-workflow: its trusted path,
    // recorded in its audit), or directly when none is registered.
    const copy = origin.publishedAt
      ? await getService('hooks').publishCopy(`copy of ${uid} ${documentId}, published at its origin`, create)
      : await create();
    return { documentId: copy.documentId as string, originHash: contentHash(origin, contentType.attributes) };
  },

  /** Keeps `itemPublished` in step after a publish, unpublish or delete of a placed item or copy. */
  async syncPublication(uid: string, documentId: string) {
    const { published } = await this.publication(uid, documentId);
    await strapi.db.query(PLACEMENT_UID).updateMany({
      where: {
        contentType: uid,
        $or: [{ mode: 'reference', itemDocumentId: documentId }, { mode: 'copy', copyDocumentId: documentId }],
        itemPublished: !published,
      },
      data: { itemPublished: published },
    });
  },

  /** Removes every placement of a deleted item (the item itself is gone already) and audits it. */
  async removeForDeletedItem(uid: string, documentId: string, actor: Actor) {
    const placements = (await strapi.db.query(PLACEMENT_UID).findMany({
      where: { contentType: uid, $or: [{ itemDocumentId: documentId }, { copyDocumentId: documentId }] },
    })) as PlacementRow[];
    if (!placements.length) return;
    await strapi.db.query(PLACEMENT_UID).deleteMany({ where: { id: { $in: placements.map((p) => p.id) } } });
    for (const p of placements) {
      await getService('audit').record({
        action: 'placement.removed-with-item',
        contentType: uid,
        itemDocumentId: p.itemDocumentId,
        siteId: p.siteId,
        columnId: p.columnId,
        placementId: p.id,
        actorId: actorId(actor),
        details: { deletedDocumentId: documentId, mode: p.mode, state: p.state },
      });
    }
    emitEvent(strapi.eventHub, 'site-group.placement.changed', { uid, documentId, removed: placements.length });
  },
});
