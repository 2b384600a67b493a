import type { Core } from '@strapi/strapi';
import { DISCLOSURE_FIELD, VISIBLE_DISCLOSURES, catalogueEntry, publicView } from '@jiyue/kernel';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

type Schema = { attributes: Record<string, any> };
type Row = Record<string, unknown>;

/** Whether a content type carries the disclosure field (the policy type does). */
export const hasDisclosure = (schema: Schema | undefined): boolean => Boolean(schema?.attributes?.[DISCLOSURE_FIELD]);

const isContentApiRequest = (strapi: Core.Strapi) => {
  const request = strapi.requestContext.get() as { state?: { route?: { info?: { type?: string } } } } | undefined;
  return request?.state?.route?.info?.type === 'content-api';
};

/** `filters` AND "visible publicly at all" (not-public rows are neither listed nor counted). */
export const withVisibleDisclosure = (filters: unknown) => {
  const visible = { [DISCLOSURE_FIELD]: { $in: [...VISIBLE_DISCLOSURES] } };
  return filters && typeof filters === 'object' && Object.keys(filters).length ? { $and: [filters, visible] } : visible;
};

/**
 * Applies the kernel's disclosure rule to a read result and to every relation populated inside it,
 * following the schema (relations, components, dynamic zones): a hidden item is dropped (removed
 * from a list, `null` for a single relation), a catalogue-only item is cut to its catalogue entry.
 * Rows whose disclosure was not selected (`fields=title`) are looked up, so a field selection
 * cannot hide the disclosure from the rule.
 */
export const createDisclosureProjector = (strapi: Core.Strapi) => {
  const schemaOf = (uid: string): Schema | undefined =>
    (strapi.contentTypes as unknown as Record<string, Schema>)[uid] ?? (strapi.components as unknown as Record<string, Schema>)[uid];

  /** Collects rows of disclosure-carrying types that lack the disclosure value. */
  const collectMissing = (value: unknown, uid: string, missing: Map<string, Set<number>>, depth: number) => {
    if (!value || typeof value !== 'object' || depth > 12) return;
    if (Array.isArray(value)) return value.forEach((v) => collectMissing(v, uid, missing, depth));
    const row = value as Row;
    const schema = schemaOf(uid);
    if (!schema) return;
    if (hasDisclosure(schema) && !(DISCLOSURE_FIELD in row) && typeof row.id === 'number') {
      missing.set(uid, (missing.get(uid) ?? new Set()).add(row.id));
    }
    for (const [name, attribute] of Object.entries(schema.attributes)) {
      const child = row[name];
      if (child === undefined || child === null) continue;
      if (attribute.type === 'relation' && attribute.target) collectMissing(child, attribute.target, missing, depth + 1);
      else if (attribute.type === 'component') collectMissing(child, attribute.component, missing, depth + 1);
      else if (attribute.type === 'dynamiczone' && Array.isArray(child)) {
        for (const part of child as Row[]) if (part && typeof part.__component === 'string') collectMissing(part, part.__component, missing, depth + 1);
      }
    }
  };

  const project = (value: unknown, uid: string, known: Map<string, Map<number, unknown>>, depth: number): unknown => {
    if (!value || typeof value !== 'object' || depth > 12) return value;
    if (Array.isArray(value)) return value.map((v) => project(v, uid, known, depth)).filter((v) => v !== null);
    const schema = schemaOf(uid);
    if (!schema) return value;
    let row = value as Row;
    if (hasDisclosure(schema)) {
      const disclosure = DISCLOSURE_FIELD in row ? row[DISCLOSURE_FIELD] : known.get(uid)?.get(row.id as number);
      const view = publicView({ [DISCLOSURE_FIELD]: disclosure ?? 'not-public' });
      if (view === 'hidden') return null;
      if (view === 'catalogue') return catalogueEntry({ ...row, [DISCLOSURE_FIELD]: disclosure });
    }
    for (const [name, attribute] of Object.entries(schema.attributes)) {
      const child = row[name];
      if (child === undefined || child === null || typeof child !== 'object') continue;
      let next: unknown = child;
      if (attribute.type === 'relation' && attribute.target) next = project(child, attribute.target, known, depth + 1);
      else if (attribute.type === 'component') next = project(child, attribute.component, known, depth + 1);
      else if (attribute.type === 'dynamiczone' && Array.isArray(child)) {
        next = (child as Row[]).map((part) => (part && typeof part.__component === 'string' ? project(part, part.__component, known, depth + 1) : part));
      }
      if (next !== child) row = { ...row, [name]: next };
    }
    return row;
  };

  return {
    /** The public projection of a read result of `uid` (an item, a list, or null). */
    async apply<T>(result: T, uid: string): Promise<T> {
      if (!result || typeof result !== 'object') return result;
      const missing = new Map<string, Set<number>>();
      collectMissing(result, uid, missing, 0);
      const known = new Map<string, Map<number, unknown>>();
      for (const [target, ids] of missing) {
        const rows = await strapi.db.query(target as any).findMany({ where: { id: { $in: [...ids] } }, select: ['id', DISCLOSURE_FIELD] });
        known.set(target, new Map(rows.map((r: Row) => [r.id as number, r[DISCLOSURE_FIELD]])));
      }
      return project(result, uid, known, 0) as T;
    },
  };
};

/**
 * Disclosure on the content API (政务公开): during a content-API request, every Document Service
 * read (REST find/findOne/count of every type, and the site-builder routes) leaves not-public items
 * out of the query itself, so lists neither show nor count them, and cuts catalogue-only
 * (依申请公开) items, at the root and inside every populated relation, to their catalogue entry.
 * API tokens are not admins: the rule applies to them too.
 */
export const publicDisclosure = (strapi: Core.Strapi): Parameters<Core.Strapi['documents']['use']>[0] => {
  const projector = createDisclosureProjector(strapi);
  return async (ctx, next) => {
    if (!READ_ACTIONS.has(ctx.action) || !isContentApiRequest(strapi)) return next();
    const params = ctx.params as { filters?: unknown };
    if (hasDisclosure(ctx.contentType as Schema)) params.filters = withVisibleDisclosure(params.filters);
    const result = await next();
    if (ctx.action === 'count') return result;
    return projector.apply(result, ctx.uid);
  };
};
