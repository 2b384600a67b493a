import type { Core } from '@strapi/strapi';
import { CATALOGUE_FIELDS, DISCLOSURE_FIELD, IDENTITY_FIELDS, VISIBLE_DISCLOSURES, catalogueEntry, publicView, modelOf } from '@jiyue/kernel';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/** What the projector reads of an attribute: its type and where a relation, component or dynamic zone leads. */
type Attribute = { type: string; target?: string; component?: string; components?: string[] };
type Schema = { attributes: Record<string, Attribute> };
type Row = Record<string, unknown>;

/** Whether a content type carries the disclosure field (the policy type does). */
export const hasDisclosure = (schema: Schema | undefined): boolean => Boolean(schema?.attributes?.[DISCLOSURE_FIELD]);

const isContentApiRequest = (strapi: Core.Strapi) => {
  const request = strapi.requestContext.get() as { state?: { route?: { info?: { type?: string } } } } | undefined;
  return request?.state?.route?.info?.type === 'content-api';
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
    modelOf(strapi, uid);

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
      else if (attribute.type === 'component' && attribute.component) collectMissing(child, attribute.component, missing, depth + 1);
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
      else if (attribute.type === 'component' && attribute.component) next = project(child, attribute.component, known, depth + 1);
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
        const rows = await strapi.db.query(target).findMany({ where: { id: { $in: [...ids] } }, select: ['id', DISCLOSURE_FIELD] });
        known.set(target, new Map(rows.map((r: Row) => [r.id as number, r[DISCLOSURE_FIELD]])));
      }
      return project(result, uid, known, 0) as T;
    },
  };
};

const PUBLIC_KEYS = new Set<string>([...IDENTITY_FIELDS, ...CATALOGUE_FIELDS]);

/**
 * Filters are answers too: `filters[body][$contains]=…` on an on-request policy, or
 * `filters[policy][title][$eq]=…` on interpretations of a not-public one, would tell by an item's
 * presence what its hidden text says. So every filter that reaches a disclosure-carrying type (at
 * the root, through a relation at any depth, or in a `populate[…][filters]`) may match visible items
 * only, and proactive ones only when it reads beyond the catalogue entry.
 */
export const createFilterGuard = (strapi: Core.Strapi) => {
  const schemaOf = (uid: string): Schema | undefined =>
    modelOf(strapi, uid);

  /** Whether a filter on `schema` reads fields outside the catalogue entry (or goes through its relations). */
  const readsContent = (filter: unknown, schema: Schema, depth = 0): boolean => {
    if (!filter || typeof filter !== 'object' || depth > 12) return false;
    if (Array.isArray(filter)) return filter.some((f) => readsContent(f, schema, depth + 1));
    for (const [key, value] of Object.entries(filter as Row)) {
      if (key.startsWith('$')) {
        if (readsContent(value, schema, depth + 1)) return true;
        continue;
      }
      const attribute = schema.attributes[key];
      if (!attribute) continue; // unknown keys are refused by Strapi's own query validation
      if (attribute.type === 'relation' || !PUBLIC_KEYS.has(key)) return true;
    }
    return false;
  };

  const visibility = (filter: unknown, schema: Schema) => ({
    [DISCLOSURE_FIELD]: { $in: readsContent(filter, schema) ? ['proactive'] : [...VISIBLE_DISCLOSURES] },
  });

  const and = (filter: unknown, condition: Row) =>
    filter && typeof filter === 'object' && Object.keys(filter).length ? { $and: [filter, condition] } : condition;

  /** The filter with every relation step into a disclosure-carrying type limited to what may be seen. */
  const guard = (filter: unknown, uid: string, depth = 0): unknown => {
    if (!filter || typeof filter !== 'object' || depth > 12) return filter;
    if (Array.isArray(filter)) return filter.map((f) => guard(f, uid, depth + 1));
    const schema = schemaOf(uid);
    if (!schema) return filter;
    const out: Row = {};
    for (const [key, value] of Object.entries(filter as Row)) {
      const attribute = key.startsWith('$') ? undefined : schema.attributes[key];
      if (key.startsWith('$')) out[key] = guard(value, uid, depth + 1);
      else if (attribute?.type === 'relation' && attribute.target && value && typeof value === 'object') {
        const target = schemaOf(attribute.target);
        const inner = guard(value, attribute.target, depth + 1);
        out[key] = target && hasDisclosure(target) ? and(inner, visibility(value, target)) : inner;
      } else if (attribute?.type === 'component' && attribute.component && value && typeof value === 'object') out[key] = guard(value, attribute.component, depth + 1);
      else out[key] = value;
    }
    return out;
  };

  /** `populate[relation][filters]` at any depth, guarded the same way. */
  const guardPopulate = (populate: unknown, uid: string, depth = 0): unknown => {
    if (!populate || typeof populate !== 'object' || Array.isArray(populate) || depth > 12) return populate;
    const schema = schemaOf(uid);
    if (!schema) return populate;
    const out: Row = {};
    for (const [key, entry] of Object.entries(populate as Row)) {
      const attribute = schema.attributes[key];
      const target = attribute?.type === 'relation' ? attribute.target : attribute?.type === 'component' ? attribute.component : undefined;
      if (!target || !entry || typeof entry !== 'object') {
        out[key] = entry;
        continue;
      }
      const next: Row = { ...(entry as Row) };
      const targetSchema = schemaOf(target);
      if (next.filters !== undefined) next.filters = guard(next.filters, target, depth + 1);
      if (targetSchema && hasDisclosure(targetSchema)) next.filters = and(next.filters, visibility((entry as Row).filters, targetSchema));
      if (next.populate !== undefined) next.populate = guardPopulate(next.populate, target, depth + 1);
      out[key] = next;
    }
    return out;
  };

  return {
    /** The root filter of a read of `uid`, guarded (and limited to visible items when `uid` carries a disclosure). */
    filters(filters: unknown, uid: string) {
      const schema = schemaOf(uid);
      const guarded = guard(filters, uid);
      return schema && hasDisclosure(schema) ? and(guarded, visibility(filters, schema)) : guarded;
    },
    populate: guardPopulate,
  };
};

/**
 * Disclosure on the content API (政务公开): during a content-API request, every Document Service
 * read (REST find/findOne/count of every type, and the site-builder routes) leaves not-public items
 * out of the query itself, so lists neither show nor count them (and filters cannot probe hidden
 * text, see `createFilterGuard`), and cuts catalogue-only
 * (依申请公开) items, at the root and inside every populated relation, to their catalogue entry.
 * API tokens are not admins: the rule applies to them too.
 */
export const publicDisclosure = (strapi: Core.Strapi): Parameters<Core.Strapi['documents']['use']>[0] => {
  const projector = createDisclosureProjector(strapi);
  const filterGuard = createFilterGuard(strapi);
  return async (ctx, next) => {
    if (!READ_ACTIONS.has(ctx.action) || !isContentApiRequest(strapi)) return next();
    const params = ctx.params as { filters?: unknown; populate?: unknown };
    params.filters = filterGuard.filters(params.filters, ctx.uid);
    if (params.populate && typeof params.populate === 'object' && !Array.isArray(params.populate)) params.populate = filterGuard.populate(params.populate, ctx.uid);
    const result = await next();
    if (ctx.action === 'count') return result;
    return projector.apply(result, ctx.uid);
  };
};
