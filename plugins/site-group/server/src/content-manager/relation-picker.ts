import type { Core } from '@strapi/strapi';
import { modelOf } from '@jiyue/kernel';

type Ctx = { request: { query: Record<string, unknown> }; state: { userAbility: unknown }; params: Record<string, string>; body?: unknown };
type Row = { id: number; documentId: string; locale?: string; publishedAt: string | null; updatedAt?: string };

interface RequestInfo {
  entryId: number | null;
  locale?: string;
  status?: 'draft' | 'published';
  fieldsToSelect: string[];
  mainField: string;
  source: { schema: { uid: string } };
  target: { isLocalized: boolean };
  targetField: string;
}

const asIds = (value: unknown): number[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(Number).filter((n) => Number.isInteger(n));

/**
 * The relation picker (`GET /content-manager/relations/:model/:targetField`) for a site-scoped
 * target and an editor whose read permission has conditions: the editor's readable drafts (as
 * Strapi lists them) plus other sites' published versions. Another site's draft is never listed,
 * so its unpublished title never reaches the editor.
 */
export const findAvailableInScope = async (
  strapi: Core.Strapi,
  controller: { extractAndValidateRequestInfo(ctx: Ctx, id: unknown): Promise<RequestInfo | undefined> },
  ctx: Ctx,
  targetUid: string
) => {
  const query = ctx.request.query;
  const info = await controller.extractAndValidateRequestInfo(ctx, query.id);
  if (!info) return undefined; // Strapi already answered (403)

  const checker = strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility: ctx.state.userAbility, model: targetUid });
  // The editor's read conditions on the target, as Strapi turns them into query filters.
  const readable = ((await checker.sanitizedQuery.read({})) as { filters?: object }).filters ?? {};

  const published = { publishedAt: { $notNull: true } };
  const scope =
    info.status === 'published'
      ? published
      : { $or: [{ $and: [readable, { publishedAt: { $null: true } }] }, { $and: [published, { $not: readable }] }] };

  const and: object[] = [scope];
  if (info.target.isLocalized && info.locale) and.push({ locale: info.locale });

  if (info.entryId) {
    // Already linked to this entry (minus the links the editor removed in the form but not saved yet).
    const keep = new Set(asIds(query.idsToInclude));
    const linked = ((await strapi.db.query(info.source.schema.uid).load({ id: info.entryId }, info.targetField)) ?? []) as Row | Row[];
    const linkedDocs = (Array.isArray(linked) ? linked : [linked]).filter((r) => r && !keep.has(r.id)).map((r) => r.documentId);
    if (linkedDocs.length) and.push({ documentId: { $notIn: linkedDocs } });
  }
  const search = query._q;
  if (typeof search === 'string' && search) and.push({ [info.mainField]: { $containsi: search } });
  const omit = asIds(query.idsToOmit);
  if (omit.length) and.push({ id: { $notIn: omit } });

  const params = strapi.get('query-params').transform(targetUid, {
    sort: info.mainField,
    fields: info.fieldsToSelect,
    filters: { $and: and },
    page: query.page,
    pageSize: query.pageSize,
  });
  const page = (await strapi.db.query(targetUid).findPage(params)) as { results: Row[]; pagination: unknown };

  // Status as Strapi shows it: a draft is "modified" or "published" when a published version exists;
  // another site's published version is shown as published (its draft state is not ours to show).
  const drafts = page.results.filter((r) => !r.publishedAt);
  const publishedVersions = drafts.length
    ? ((await strapi.db.query(targetUid).findMany({
        where: { documentId: { $in: drafts.map((d) => d.documentId) }, publishedAt: { $notNull: true } },
        select: ['id', 'documentId', 'locale', 'updatedAt', 'publishedAt'],
      })) as Row[])
    : [];
  const metadata = strapi.plugin('content-manager').service('document-metadata');
  const results = page.results.map((row) => {
    if (row.publishedAt) return { ...row, status: 'published' };
    const others = publishedVersions.filter((p) => p.documentId === row.documentId && (!row.locale || p.locale === row.locale));
    return { ...row, status: metadata.getStatus(row, others) };
  });
  (ctx as { body?: unknown }).body = { ...page, results };
  return undefined;
};

export type LinkRow = { id: number; documentId: string; locale?: string; [field: string]: unknown };

/**
 * Fills the main field (the title shown in the form) of links the editor may not read from their
 * published version; a link to another site's never-published item stays a bare id.
 */
export const withPublishedTitles = async (
  strapi: Core.Strapi,
  ctx: { body?: { results?: LinkRow[] } },
  sourceSchema: { modelType?: string },
  targetField: string,
  targetUid: string
) => {
  const results = ctx.body?.results;
  if (!Array.isArray(results) || !results.length) return;
  const configService = strapi.plugin('content-manager').service(sourceSchema.modelType === 'component' ? 'components' : 'content-types');
  const config = await configService.findConfiguration(sourceSchema);
  const mainField: string | undefined = config?.metadatas?.[targetField]?.edit?.mainField;
  const attributes = modelOf(strapi, targetUid)!.attributes;
  if (!mainField || mainField === 'id' || mainField === 'documentId' || !attributes[mainField]) return;
  const bare = results.filter((r) => r[mainField] === undefined);
  if (!bare.length) return;
  const published = (await strapi.db.query(targetUid).findMany({
    where: { documentId: { $in: bare.map((r) => r.documentId) }, publishedAt: { $notNull: true } },
    select: ['documentId', mainField, ...('locale' in attributes ? ['locale'] : [])],
  })) as LinkRow[];
  for (const row of bare) {
    const match = published.find((p) => p.documentId === row.documentId && (!row.locale || p.locale === row.locale));
    if (match) row[mainField] = match[mainField];
  }
};
