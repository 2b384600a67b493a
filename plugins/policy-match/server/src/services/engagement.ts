import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { policyUid } from '../utils/policy-uid';
import { DISCLOSURE_FIELD, VISIBLE_DISCLOSURES, emitEvent, optionalPlugin, optionalService } from '@jiyue/kernel';
import { visibleDisclosureWhere } from '../utils/disclosure';
import { COMMENT_UID, FAVOURITE_UID, RATING_UID, SUBSCRIPTION_UID } from '../utils/uids';

/** A comment row (the columns answered). */
interface CommentRow {
  id: number;
  policyDocumentId: string;
  body: string;
  status: string;
  flagged: boolean;
  findings: unknown[] | null;
  createdAt: string;
}

/** Subscriptions, favourites, ratings and comments of signed-in users; each write is rate limited per user. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const requirePublishedPolicy = async (documentId: string) => {
    // 不予公开 policies are answered as if they did not exist (kernel disclosure rule)
    const found = await strapi.db.query(policyUid()).findOne({ where: { documentId, publishedAt: { $notNull: true }, ...visibleDisclosureWhere() }, select: ['id', 'title'] });
    if (!found) throw new errors.NotFoundError(`no published policy ${documentId}`);
    return found;
  };
  /** Whether a policy is hidden from the public (不予公开): its ratings and comments are then not shown. */
  const isHidden = async (documentId: string) =>
    Boolean(strapi.db.metadata.get(policyUid()).attributes[DISCLOSURE_FIELD]) &&
    (await strapi.db.query(policyUid()).count({ where: { documentId, [DISCLOSURE_FIELD]: { $notIn: [...VISIBLE_DISCLOSURES] } } })) > 0;
  const limit = (userId: number, what: string) => getService('rate-limit').hit(`${what}:${userId}`);

  return {
    isHidden,

    async subscriptions(userId: number) {
      const rows = await strapi.db.query(SUBSCRIPTION_UID).findMany({ where: { userId }, orderBy: { id: 'asc' } });
      return (rows as { id: number; kind: string; value: string }[]).map((r) => ({ id: r.id, kind: r.kind, value: r.value }));
    },

    async subscribe(userId: number, input: { kind: 'tag' | 'theme' | 'region'; value: string }) {
      await limit(userId, 'subscription');
      if (input.kind !== 'theme') {
        const tag = (await getService('taxonomy').all()).byCode.get(input.value);
        if (!tag || (input.kind === 'region') !== (tag.dimension === 'region')) {
          throw new errors.ValidationError(`unknown ${input.kind} ${input.value}`, { errors: [{ path: ['value'], message: `is not a ${input.kind} of the taxonomy` }] });
        }
      }
      const existing = await strapi.db.query(SUBSCRIPTION_UID).findOne({ where: { userId, ...input } });
      const row = existing ?? (await strapi.db.query(SUBSCRIPTION_UID).create({ data: { userId, ...input } }));
      return { id: row.id, kind: row.kind, value: row.value };
    },

    async unsubscribe(userId: number, id: number) {
      const deleted = await strapi.db.query(SUBSCRIPTION_UID).delete({ where: { id, userId } });
      if (!deleted) throw new errors.NotFoundError('no such subscription');
      return { deleted: true };
    },

    async favourites(userId: number) {
      const rows = await strapi.db.query(FAVOURITE_UID).findMany({ where: { userId }, orderBy: { id: 'desc' } });
      return (rows as { policyDocumentId: string; createdAt: string }[]).map((r) => ({ policyDocumentId: r.policyDocumentId, createdAt: r.createdAt }));
    },

    async favourite(userId: number, documentId: string) {
      await limit(userId, 'favourite');
      await requirePublishedPolicy(documentId);
      const existing = await strapi.db.query(FAVOURITE_UID).findOne({ where: { userId, policyDocumentId: documentId } });
      if (!existing) await strapi.db.query(FAVOURITE_UID).create({ data: { userId, policyDocumentId: documentId } });
      return { policyDocumentId: documentId, favourite: true };
    },

    async unfavourite(userId: number, documentId: string) {
      await strapi.db.query(FAVOURITE_UID).delete({ where: { userId, policyDocumentId: documentId } });
      return { policyDocumentId: documentId, favourite: false };
    },

    /** One rating per user and policy: a second one replaces the first (unique index, update in place). */
    async rate(userId: number, documentId: string, stars: number) {
      await limit(userId, 'rating');
      await requirePublishedPolicy(documentId);
      const existing = await strapi.db.query(RATING_UID).findOne({ where: { userId, policyDocumentId: documentId }, select: ['id'] });
      if (existing) await strapi.db.query(RATING_UID).update({ where: { id: existing.id }, data: { stars } });
      else await strapi.db.query(RATING_UID).create({ data: { userId, policyDocumentId: documentId, stars } });
      return { stars, aggregate: await this.ratingAggregate(documentId) };
    },

    async ratingAggregate(documentId: string) {
      const table = strapi.db.metadata.get(RATING_UID).tableName;
      const rows = (await strapi.db.getConnection(table).where('policy_document_id', documentId).select('stars').count('* as n').groupBy('stars')) as { stars: number; n: number }[];
      const histogram: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
      let count = 0;
      let sum = 0;
      for (const r of rows) {
        histogram[r.stars] = Number(r.n);
        count += Number(r.n);
        sum += Number(r.n) * Number(r.stars);
      }
      return { count, average: count ? Math.round((sum / count) * 100) / 100 : null, histogram };
    },

    /**
     * A comment waits for a site editor. It is pre-checked with review-workflow's word checker when
     * that plugin is present; findings of error severity flag it for the editor.
     */
    async comment(userId: number, documentId: string, body: string) {
      await limit(userId, 'comment');
      await requirePublishedPolicy(documentId);
      const prechecks = optionalService(strapi, 'review-workflow', 'prechecks');
      const findings = prechecks ? await prechecks.checkFields({ body }, ['body']) : [];
      const summary = findings.map((f) => ({ check: f.check, rule: f.rule, severity: f.severity, excerpt: f.excerpt, message: f.message }));
      const row = await strapi.db.query(COMMENT_UID).create({
        data: { userId, policyDocumentId: documentId, body, status: 'pending', findings: summary, flagged: summary.some((f) => f.severity === 'error') },
      });
      return { id: row.id, status: row.status, flagged: row.flagged, findings: summary };
    },

    /** Approved comments only: pending and rejected ones are never public. */
    async publicComments(documentId: string) {
      const rows = await strapi.db.query(COMMENT_UID).findMany({ where: { policyDocumentId: documentId, status: 'approved' }, orderBy: { id: 'desc' }, limit: 100 });
      return (rows as CommentRow[]).map((r) => ({ id: r.id, body: r.body, createdAt: r.createdAt }));
    },

    /** Comments to moderate; `sites` limits them to policies owned by those sites (null: every site). */
    async moderationQueue(status: string, sites: string[] | null = null) {
      const where: Record<string, unknown> = { status };
      if (sites) {
        const policies = await strapi.db.query(policyUid()).findMany({ where: { ownerSite: { $in: sites } }, select: ['documentId'] });
        where.policyDocumentId = { $in: [...new Set(policies.map((p: { documentId: string }) => p.documentId))] };
      }
      const rows = await strapi.db.query(COMMENT_UID).findMany({ where, orderBy: [{ flagged: 'desc' }, { id: 'asc' }], limit: 200 });
      return (rows as CommentRow[]).map((r) => ({ id: r.id, policyDocumentId: r.policyDocumentId, body: r.body, status: r.status, flagged: r.flagged, findings: r.findings ?? [], createdAt: r.createdAt }));
    },

    /** A site editor moderates comments on their own sites' policies (Super Admins everywhere; all of them without site-group). */
    async assertCanModerate(admin: { id: number; roles?: { code: string }[] }, documentId: string) {
      const siteGroup = optionalPlugin(strapi, 'site-group');
      if (!siteGroup || admin.roles?.some((r) => r.code === 'strapi-super-admin')) return;
      const policy = await strapi.db.query(policyUid()).findOne({ where: { documentId } });
      if (!policy?.ownerSite) return;
      const sites: string[] = await siteGroup.service('editor-scope').siteCodes(admin.id, 'always');
      if (!sites.includes(policy.ownerSite)) throw new errors.PolicyError(`this comment is on a policy of site ${policy.ownerSite}, which you do not edit`);
    },

    async moderate(id: number, decision: 'approved' | 'rejected', admin: { id: number; roles?: { code: string }[] }, note?: string) {
      const row = await strapi.db.query(COMMENT_UID).findOne({ where: { id } });
      if (!row) throw new errors.NotFoundError('no such comment');
      await this.assertCanModerate(admin, row.policyDocumentId);
      const adminUserId = admin.id;
      const updated = await strapi.db.query(COMMENT_UID).update({ where: { id }, data: { status: decision, moderatedById: adminUserId ?? null, moderatedAt: new Date(), moderationNote: note ?? null } });
      emitEvent(strapi.eventHub, `policy-match.comment.${decision}`, { uid: policyUid(), documentId: row.policyDocumentId, commentId: id });
      return { id: updated.id, status: updated.status };
    },
  };
};
