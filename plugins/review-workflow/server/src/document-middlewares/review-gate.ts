import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { emergencyContext, isWorkflowPublish, trustedContext } from '../utils/emergency';
import { getService } from '../utils/get-service';
import { actorRecord, currentActor } from '@jiyue/kernel';

const currentReviewActor = (strapi: Parameters<typeof currentActor>[0]) => actorRecord(currentActor(strapi));
import { isReviewEnabled } from '../utils/review-types';

type Params = { documentId?: string; locale?: unknown; status?: string };
/** What a write through the Document Service answers, as read here (a created or updated document). */
type DocumentResult = { documentId?: string; locale?: string } | null;

/**
 * The publish gate and the change detector, for every write to a reviewed type:
 * - a publish (Content Manager publish or bulk publish, `documents().publish()`, or a create or
 *   update with `status: 'published'`, which REST does by default) runs inside a transaction and
 *   is rolled back unless the published content is exactly what the final reviewer approved;
 * - a draft update that changes reviewed content sends the item back to draft;
 * - an unpublish (Content Manager, code, or a cluster retraction) spends the approval: the item
 *   returns to draft and publishing it again needs a new final approval.
 */
export const reviewGate = (): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (!isReviewEnabled(ctx.contentType)) return next();
  const params = ctx.params as Params;
  const publishing = ctx.action === 'publish' || ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');

  if (publishing) {
    if (emergencyContext()) return next();
    const trusted = trustedContext();
    if (trusted) {
      const result = await next();
      const documentId = params.documentId ?? (result as DocumentResult)?.documentId;
      const gate = getService('publish-gate');
      if (documentId) await gate.recordTrustedPublish(ctx.uid, documentId, await gate.locales(ctx.uid, documentId, params.locale ?? (result as DocumentResult)?.locale), trusted.reason);
      return result;
    }
    if (ctx.action === 'create') {
      throw new errors.PolicyError('A new item cannot be published directly: save it as a draft (?status=draft) and submit it for review (三审三校).');
    }
    const gate = getService('publish-gate');
    return strapi.db.transaction(async () => {
      const result = await next();
      const locales = await gate.locales(ctx.uid, params.documentId!, params.locale);
      if (!isWorkflowPublish()) await gate.assertPublishable(ctx.uid, params.documentId!, locales);
      await gate.afterPublish(ctx.uid, params.documentId!, locales, currentReviewActor(strapi));
      return result;
    });
  }

  // Documents linked before the write: an update may unlink them, which changes their content too.
  const flow = getService('review-flow');
  const writing = ctx.action === 'update' || ctx.action === 'create';
  const writeLocales = writing && params.locale !== '*' ? await getService('publish-gate').locales(ctx.uid, params.documentId ?? '', params.locale) : [];
  const linkedBefore = new Map<string, { uid: string; documentId: string }[]>();
  if (ctx.action === 'update' && params.documentId) {
    for (const locale of writeLocales) linkedBefore.set(locale, await flow.linkedReviewed(ctx.uid, params.documentId, locale));
  }

  const result = await next();
  if (ctx.action === 'unpublish' && params.documentId) {
    const gate = getService('publish-gate');
    await gate.afterUnpublish(ctx.uid, params.documentId, await gate.locales(ctx.uid, params.documentId, params.locale), currentReviewActor(strapi));
  }
  if (ctx.action === 'update' && params.documentId) {
    const locales = await getService('publish-gate').locales(ctx.uid, params.documentId, params.locale);
    for (const locale of locales) await flow.resetIfChanged(ctx.uid, params.documentId, locale, currentReviewActor(strapi));
  }
  const documentId = params.documentId ?? (result as DocumentResult)?.documentId;
  if (documentId) {
    for (const locale of writeLocales) {
      const linked = [...(linkedBefore.get(locale) ?? []), ...(await flow.linkedReviewed(ctx.uid, documentId, locale))];
      await flow.resetLinked(linked, locale, currentReviewActor(strapi));
    }
  }
  return result;
};
