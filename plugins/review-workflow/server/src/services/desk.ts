import type { Core, UID } from '@strapi/strapi';
import type { ActorRecord as ReviewActor, ReviewDesk, ReviewDeskItem, ReviewDeskSentBackItem } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { EVENT_UID, STATE_UID } from '../utils/uids';
import type { ReviewStateRow } from '../utils/rows';
import { attributesOf, contentTypeOf } from '@jiyue/kernel';

/** The desk's shapes are the kernel's, shared with the admin screen (pages/review-desk.tsx). */
export type DeskItem = ReviewDeskItem;
export type SentBackItem = ReviewDeskSentBackItem;

const count = (rows: DeskItem[], key: (row: DeskItem) => string | null) =>
  rows.reduce<Record<string, number>>((acc, row) => {
    const k = key(row) ?? '';
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});

/** The review desk: what the current admin may act on, what they submitted, and what came back to them. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const titleField = (uid: string): string | null => {
    const attributes = attributesOf(strapi, uid);
    return ['title', 'name'].find((name) => attributes[name]?.type === 'string') ?? null;
  };

  const titleOf = async (uid: string, documentId: string, locale: string) => {
    const field = titleField(uid);
    if (!field || !contentTypeOf(strapi, uid)) return null;
    const entry = await strapi.documents(uid as UID.ContentType).findOne({ documentId, locale, status: 'draft', fields: [field] });
    return (entry as Record<string, unknown> | null)?.[field] as string | null ?? null;
  };

  const toItem = async (row: ReviewStateRow): Promise<DeskItem> => ({
    uid: row.contentType,
    documentId: row.itemDocumentId,
    locale: row.itemLocale,
    site: row.ownerSite ?? null,
    stage: row.stage,
    title: await titleOf(row.contentType, row.itemDocumentId, row.itemLocale),
    since: new Date(row.updatedAt).toISOString(),
    comment: row.lastComment ?? null,
  });

  return {
    /**
     * `sites`: the caller's sites (null: every site, for Super Admins). Rows of other sites are left out,
     * whatever else would let them through.
     */
    async forActor(actor: ReviewActor, sites: string[] | null): Promise<ReviewDesk> {
      const visible = (row: ReviewStateRow) => sites === null || (row.ownerSite != null && sites.includes(row.ownerSite));
      const queueRows = (await getService('review-flow').queue(actor, {})).filter(visible);
      const mineRows =
        actor.id == null
          ? []
          : ((await strapi.db.query(STATE_UID).findMany({ where: { submittedById: actor.id }, orderBy: { updatedAt: 'desc' }, limit: 200 })) as ReviewStateRow[]).filter(visible);

      const queue = await Promise.all(queueRows.map(toItem));
      const mine = await Promise.all(mineRows.map(toItem));

      // Back in draft after a submission: sent back when the latest event of that locale is a rejection or the pre-check's send-back.
      const sentBack: SentBackItem[] = [];
      for (const item of mine.filter((m) => m.stage === 'draft')) {
        const [last] = await strapi.db.query(EVENT_UID).findMany({
          where: { contentType: item.uid, itemDocumentId: item.documentId, itemLocale: item.locale },
          orderBy: { id: 'desc' },
          limit: 1,
        });
        if (last && (last.action === 'reject' || last.action === 'sent-back')) {
          sentBack.push({ ...item, action: last.action, comment: last.comment ?? null, by: last.actorName ?? null, at: new Date(last.createdAt).toISOString() });
        }
      }

      return {
        queue,
        counts: { byStage: count(queue, (r) => r.stage), bySite: count(queue, (r) => r.site), byType: count(queue, (r) => r.uid) },
        mine,
        sentBack,
      };
    },
  };
};
