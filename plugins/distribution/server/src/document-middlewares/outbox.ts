import type { Core, Schema } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { withdrawalsHandledElsewhere } from '../utils/withdrawal-context';

const isDistributed = (contentType: Schema.ContentType | undefined) =>
  Boolean((contentType?.pluginOptions?.['site-group'] as { enabled?: unknown } | undefined)?.enabled && contentType?.options?.draftAndPublish);

/** The locales a publish call touched, from its result (publish → entries; create/update → the entry). */
const publishedLocales = (result: unknown, params: { locale?: unknown } | undefined): string[] => {
  const out = result as { entries?: unknown; locale?: unknown } | null | undefined;
  const entries = (Array.isArray(out?.entries) ? out.entries : out ? [out] : []) as ({ locale?: unknown } | null)[];
  const locales = entries.map((e) => e?.locale).filter((locale): locale is string => Boolean(locale));
  if (locales.length) return [...new Set<string>(locales)];
  return typeof params?.locale === 'string' && params.locale !== '*' ? [params.locale] : [];
};

/**
 * An unpublish or delete and the withdrawals it owes to the channels that received the item commit
 * together, like a publish and its deliveries: a crash can neither lose a withdrawal nor send one
 * for a change that rolled back. The Content Manager (single and bulk), REST and the Document
 * Service all end up here.
 */
const withdrawAfter = async <T>(uid: string, documentId: string | undefined, kind: 'withdraw' | 'delete', next: () => Promise<T>): Promise<T> => {
  if (!documentId) return next();
  let created = 0;
  const result = await strapi.db.transaction(async () => {
    const out = await next();
    created = (await getService('outbox').enqueueWithdrawals(uid, documentId, { kind })).length;
    return out;
  });
  if (created) getService('dispatcher').kick();
  return result;
};

/**
 * Writes the outbox rows of a publish in the publish's own transaction: the publish and its
 * deliveries commit together or not at all, so a crash between publish and dispatch loses nothing.
 * The Document Service opens its transaction inside this one (nested transactions join the outer).
 */
export const outboxMiddleware = (): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (!isDistributed(ctx.contentType)) return next();
  // The Document Service's params differ by action; these are the ones read here.
  const params = ctx.params as { status?: string; documentId?: string; locale?: unknown } | undefined;
  const publishing = ctx.action === 'publish' || ((ctx.action === 'create' || ctx.action === 'update') && params?.status === 'published');
  const withdrawing = (ctx.action === 'unpublish' || ctx.action === 'delete') && !withdrawalsHandledElsewhere();
  if (withdrawing) return withdrawAfter(ctx.uid, params?.documentId, ctx.action === 'delete' ? 'delete' : 'withdraw', async () => next());
  if (!publishing) return next();
  let created = 0;
  const result = await strapi.db.transaction(async () => {
    const out = await next();
    const documentId = params?.documentId ?? (out as { documentId?: string } | null | undefined)?.documentId;
    if (documentId) {
      const rows = await getService('outbox').enqueueForPublish(ctx.uid, documentId, publishedLocales(out, params));
      created = rows.length;
    }
    return out;
  });
  if (created) getService('dispatcher').kick();
  return result;
};
