import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { emitEvent, fieldProblem, throwFieldErrors, isSuperAdmin, type Actor } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { COLUMN_UID, PLACEMENT_UID, SITE_UID } from '../utils/uids';
import type { ItemFacts, PlaceInput, PlacementMode, PlacementRow, PlacementState } from './placement';

export interface PushInput {
  contentType: string;
  documentId: string;
  column: string;
  sites?: string[];
  level?: string;
  mode?: 'reference' | 'copy';
}

const actorId = (actor: Actor) => (actor.kind === 'admin' || actor.kind === 'user' ? actor.user.id : null);

/**
 * The editorial moves on placements, each with its scope rule:
 * - place: into a site the editor acts for, an item of a site the editor acts for;
 * - submit (报送): an item of the editor's site, up to a column of an ancestor site → pending;
 * - push (下发): an item of the editor's site, down into a column of descendant sites → active or
 *   pending as each target site's `pushAcceptance` says;
 * - accept / reject: by an editor of the site that received the submission or push.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const placements = () => getService('placement');
  const scope = () => getService('editor-scope');

  /** A placement with its site's code, or 404. */
  const load = async (placementId: number) => {
    const placement = (await strapi.db.query(PLACEMENT_UID).findOne({ where: { id: placementId } })) as PlacementRow | null;
    if (!placement) throw new errors.NotFoundError(`No placement ${placementId}`);
    const site = (await strapi.db.query(SITE_UID).findOne({ where: { id: placement.siteId }, select: ['code'] })) as { code: string };
    return { placement, site };
  };

  /** After a decision or a withdrawal: the audit entry, the event, and the placement as it is now. */
  const recorded = async (placement: PlacementRow, siteCode: string, state: string, action: string, actor: Actor, details?: Record<string, unknown>) => {
    await getService('audit').record({
      action,
      contentType: placement.contentType,
      itemDocumentId: placement.itemDocumentId,
      siteId: placement.siteId,
      columnId: placement.columnId,
      placementId: placement.id,
      actorId: actorId(actor),
      ...(details ? { details } : {}),
    });
    emitEvent(strapi.eventHub, 'site-group.placement.changed', { uid: placement.contentType, documentId: placement.itemDocumentId, site: siteCode, state });
    return strapi.db.query(PLACEMENT_UID).findOne({ where: { id: placement.id } });
  };

  /** Writes one placement of the item into a resolved site and column (push and placeMany). */
  const writeInto = (
    input: { contentType: string; documentId: string; mode?: PlacementMode },
    target: { site: { id: number; code: string }; column: { id: number; slug: string }; item: ItemFacts },
    state: PlacementState,
    origin: 'placed' | 'pushed',
    actor: Actor
  ) =>
    placements().write(
      { contentType: input.contentType, documentId: input.documentId, ...target, mode: input.mode ?? 'reference', state, origin },
      actor
    );

  return {
    async place(input: PlaceInput, actor: Actor) {
      placements().assertPlaceableType(input.contentType);
      const owner = await placements().findItemOwner(input.contentType, input.documentId);
      await scope().assertCanActFor(actor, owner, `place items owned by site "${owner}"`);
      await scope().assertCanActFor(actor, input.site, `place items into site "${input.site}"`);
      return placements().create({ ...input, state: 'active', origin: 'placed' }, actor);
    },

    async submit(input: Omit<PlaceInput, 'mode'>, actor: Actor) {
      placements().assertPlaceableType(input.contentType);
      const owner = await placements().findItemOwner(input.contentType, input.documentId);
      await scope().assertCanActFor(actor, owner, `submit items owned by site "${owner}"`);
      const tree = await scope().hierarchy();
      const ownerId = tree.byCode.get(owner)?.id;
      const target = tree.byCode.get(input.site);
      if (!target) throw new errors.NotFoundError(`No site with code "${input.site}"`);
      if (!ownerId || !tree.ancestors(ownerId).includes(target.id)) {
        throwFieldErrors([fieldProblem(['site'], `submissions go up the tree: "${input.site}" is not above "${owner}"`, input.site)]);
      }
      return placements().create({ ...input, mode: 'reference', state: 'pending', origin: 'submitted' }, actor);
    },

    async push(input: PushInput, actor: Actor) {
      placements().assertPlaceableType(input.contentType);
      const owner = await placements().findItemOwner(input.contentType, input.documentId);
      await scope().assertCanActFor(actor, owner, `push items owned by site "${owner}"`);

      const tree = await scope().hierarchy();
      const ownerId = tree.byCode.get(owner)!.id;
      const below = new Set(tree.subtree(ownerId).filter((id) => id !== ownerId));
      let targetIds: number[];
      if (input.sites?.length) {
        const unknown = input.sites.filter((c) => !tree.byCode.has(c));
        const notBelow = input.sites.filter((c) => tree.byCode.has(c) && !below.has(tree.byCode.get(c)!.id));
        throwFieldErrors([
          ...(unknown.length ? [fieldProblem(['sites'], `unknown sites: ${unknown.join(', ')}`, unknown)] : []),
          ...(notBelow.length ? [fieldProblem(['sites'], `pushes go down the tree: ${notBelow.join(', ')} not below "${owner}"`, notBelow)] : []),
        ]);
        targetIds = [...new Set(input.sites.map((c) => tree.byCode.get(c)!.id))];
      } else {
        targetIds = [...below].filter((id) => tree.byId.get(id)!.level === input.level);
      }
      if (!targetIds.length) throwFieldErrors([fieldProblem(['level'], `no site at level "${input.level}" below "${owner}"`, input.level)]);

      // One query each for the target columns and for placements that already exist.
      const [columns, sites, existing] = (await Promise.all([
        strapi.db.query(COLUMN_UID).findMany({
          where: { slug: input.column, site: { id: { $in: targetIds } } },
          select: ['id', 'slug'],
          populate: { site: { select: ['id'] } },
        }),
        strapi.db.query(SITE_UID).findMany({ where: { id: { $in: targetIds } }, select: ['id', 'code', 'pushAcceptance'] }),
        strapi.db.query(PLACEMENT_UID).findMany({
          where: { contentType: input.contentType, itemDocumentId: input.documentId, state: { $in: ['active', 'pending'] } },
          select: ['columnId'],
        }),
      ])) as [{ id: number; slug: string; site: { id: number } }[], { id: number; code: string; pushAcceptance: string }[], { columnId: number }[]];
      const columnOf = new Map(columns.map((c) => [c.site.id, c]));
      const taken = new Set(existing.map((p) => p.columnId));

      const placed: unknown[] = [];
      const skipped: { site: string; reason: string }[] = [];
      const item = await placements().itemFacts(input.contentType, input.documentId);
      await strapi.db.transaction(async () => {
        for (const site of sites) {
          const column = columnOf.get(site.id);
          if (!column) skipped.push({ site: site.code, reason: `no column "${input.column}"` });
          else if (taken.has(column.id)) skipped.push({ site: site.code, reason: 'already placed' });
          else {
            placed.push(await writeInto(input, { site, column, item }, site.pushAcceptance === 'review' ? 'pending' : 'active', 'pushed', actor));
          }
        }
      });
      return { placed, skipped };
    },

    /**
     * Places an item into several columns at once (the Site panel's tree with checkboxes). The editor
     * must act for the item's owner. Targets in sites the editor acts for go live at once; a target in
     * another site (a neighbouring county's column) is a request, pending until that site's editors
     * accept it. Unknown sites or columns are a 400 naming the target and nothing is written; a column
     * where the item already is (active or pending) is skipped. All or nothing.
     */
    async placeMany(input: { contentType: string; documentId: string; targets: { site: string; column: string }[]; mode?: 'reference' | 'copy' }, actor: Actor) {
      placements().assertPlaceableType(input.contentType);
      const owner = await placements().findItemOwner(input.contentType, input.documentId);
      await scope().assertCanActFor(actor, owner, `place items owned by site "${owner}"`);

      const codes = [...new Set(input.targets.map((t) => t.site))];
      const sites = (await strapi.db.query(SITE_UID).findMany({ where: { code: { $in: codes } }, select: ['id', 'code'] })) as { id: number; code: string }[];
      const siteOf = new Map(sites.map((s) => [s.code, s]));
      const columns = sites.length
        ? ((await strapi.db.query(COLUMN_UID).findMany({
            where: { site: { id: { $in: sites.map((s) => s.id) } }, slug: { $in: [...new Set(input.targets.map((t) => t.column))] } },
            select: ['id', 'slug'],
            populate: { site: { select: ['id'] } },
          })) as { id: number; slug: string; site: { id: number } }[])
        : [];
      const columnOf = new Map(columns.map((c) => [`${c.site.id}/${c.slug}`, c]));
      const problems = input.targets.flatMap((t, i) => {
        const site = siteOf.get(t.site);
        if (!site) return [fieldProblem(['targets', String(i), 'site'], `no site with code "${t.site}"`, t.site)];
        if (!columnOf.has(`${site.id}/${t.column}`)) return [fieldProblem(['targets', String(i), 'column'], `site "${t.site}" has no column "${t.column}"`, t.column)];
        return [];
      });
      throwFieldErrors(problems);

      const mine = new Map<string, boolean>();
      for (const code of codes) mine.set(code, await scope().canActFor(actor, code));
      const existing = (await strapi.db.query(PLACEMENT_UID).findMany({
        where: { contentType: input.contentType, itemDocumentId: input.documentId, state: { $in: ['active', 'pending'] } },
        select: ['columnId'],
      })) as { columnId: number }[];
      const taken = new Set(existing.map((p) => p.columnId));

      const placed: unknown[] = [];
      const skipped: { site: string; column: string; reason: string }[] = [];
      const item = await placements().itemFacts(input.contentType, input.documentId);
      await strapi.db.transaction(async () => {
        for (const t of input.targets) {
          const site = siteOf.get(t.site)!;
          const column = columnOf.get(`${site.id}/${t.column}`)!;
          if (taken.has(column.id)) {
            skipped.push({ site: t.site, column: t.column, reason: 'already placed' });
            continue;
          }
          taken.add(column.id);
          placed.push(await writeInto(input, { site, column, item }, mine.get(t.site) ? 'active' : 'pending', 'placed', actor));
        }
      });
      return { placed, skipped };
    },

    /**
     * How the receiving site shows a placement: pinned first, then by priority (the order within
     * the column), then by the site's publish time. Audited as `placement.arranged`.
     */
    async arrange(placementId: number, changes: { pinned?: boolean; priority?: number; sitePublishedAt?: Date | string | null }, actor: Actor) {
      const { placement, site } = await load(placementId);
      await scope().assertCanActFor(actor, site.code, `arrange the columns of site "${site.code}"`);
      if (!['active', 'pending'].includes(placement.state)) {
        throw new errors.ApplicationError(`placement ${placementId} is ${placement.state}: only active or pending placements are arranged`);
      }
      const data: Record<string, unknown> = {};
      if (changes.pinned !== undefined) data.pinned = changes.pinned;
      if (changes.priority !== undefined) data.priority = changes.priority;
      if (changes.sitePublishedAt !== undefined) data.sitePublishedAt = changes.sitePublishedAt ?? (await placements().itemDate(placement.contentType, placement.itemDocumentId));
      await strapi.db.query(PLACEMENT_UID).update({ where: { id: placementId }, data });
      const before = Object.fromEntries(Object.keys(data).map((k) => [k, placement[k as keyof PlacementRow]]));
      return recorded(placement, site.code, placement.state, 'placement.arranged', actor, { before, after: data });
    },

    /** Accepts or rejects a pending placement; exactly one decision wins when two editors race. */
    async decide(placementId: number, decision: 'accept' | 'reject', reason: string | undefined, actor: Actor) {
      const { placement, site } = await load(placementId);
      await scope().assertCanActFor(actor, site.code, `decide on items sent to site "${site.code}"`);
      if (placement.state !== 'pending') {
        throw new errors.ApplicationError(`placement ${placementId} is ${placement.state}, not pending`);
      }
      const state = decision === 'accept' ? 'active' : 'rejected';
      const { count } = await strapi.db.query(PLACEMENT_UID).updateMany({
        where: { id: placementId, state: 'pending' },
        data: { state, reason: reason ?? null, decidedById: actorId(actor), decidedAt: new Date() },
      });
      if (!count) throw new errors.ApplicationError(`placement ${placementId} was decided by someone else meanwhile`);
      return recorded(placement, site.code, state, `placement.${decision === 'accept' ? 'accepted' : 'rejected'}`, actor, reason ? { reason } : {});
    },

    /** Takes an item out of a column (the item itself stays). Allowed to the site's or the item owner's editors. */
    async withdraw(placementId: number, actor: Actor) {
      const { placement, site } = await load(placementId);
      const owner = (await strapi.db.query(placement.contentType).findOne({ where: { documentId: placement.itemDocumentId }, select: ['ownerSite'] })) as { ownerSite: string } | null;
      const allowed = (await scope().canActFor(actor, site.code)) || (owner && (await scope().canActFor(actor, owner.ownerSite)));
      if (!allowed) throw new errors.PolicyError(`You cannot withdraw items from site "${site.code}"`);
      await strapi.db.query(PLACEMENT_UID).update({ where: { id: placementId }, data: { state: 'withdrawn', decidedById: actorId(actor), decidedAt: new Date() } });
      return recorded(placement, site.code, 'withdrawn', 'placement.withdrawn', actor);
    },

    /** Pending items sent to the actor's sites, or the placements the actor made (`mine`), newest first. */
    async list({ state, site, mine }: { state?: string; site?: string; mine?: boolean }, actor: Actor) {
      const where: Record<string, unknown> = {};
      if (state) where.state = state;
      if (mine) where.placedById = actorId(actor);
      if (site) {
        const row = await strapi.db.query(SITE_UID).findOne({ where: { code: site }, select: ['id'] });
        if (!row) throw new errors.NotFoundError(`No site with code "${site}"`);
        await scope().assertCanActFor(actor, site, `see the queue of site "${site}"`);
        where.siteId = row.id;
      } else if (!mine && actor.kind === 'admin' && !isSuperAdmin(actor.user)) {
        where.siteId = { $in: await scope().siteIds(actor.user.id) };
      }
      return strapi.db.query(PLACEMENT_UID).findMany({ where, orderBy: { id: 'desc' }, limit: 200 });
    },
  };
};
