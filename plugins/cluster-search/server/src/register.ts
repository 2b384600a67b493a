import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Writes after which a document's published state may have changed. */
const INDEX_ACTIONS = new Set(['publish', 'unpublish', 'delete', 'discardDraft', 'create', 'update']);

/**
 * Keeps the index in step with every publishing path (Content Manager, REST, Document Service):
 * a Document Service middleware queues a re-read of the document once the write is done.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(async (ctx, next) => {
    const result = await next();
    if (!INDEX_ACTIONS.has(ctx.action)) return result;
    const params = ctx.params as { documentId?: string; status?: string };
    // A draft save of a document that was never published changes nothing visible; the re-read is cheap either way.
    const written = result as { documentId?: string; entries?: { documentId?: string }[] } | null | undefined;
    const documentId = params.documentId ?? written?.documentId ?? written?.entries?.[0]?.documentId;
    if (documentId && getService('indexer').isSearchable(ctx.uid)) void getService('indexer').schedule(ctx.uid, documentId);
    return result;
  });
};
