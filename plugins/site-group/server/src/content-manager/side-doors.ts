import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { OWNER_FIELD } from '../utils/site-group-types';
import { findAvailableInScope, withPublishedTitles, type LinkRow } from './relation-picker';
import { attributesOf, contentTypeOf, isClusterType, modelOf, targetOf } from '@jiyue/kernel';

/**
 * Content Manager actions that reach an item without Strapi checking the item's own RBAC
 * conditions (the owning site). Strapi 5.54 checks `create` (not the source's `read`) when cloning,
 * `create` (not the document's owner) when a new locale is added through `PUT …/:id?locale=`, and
 * answers `countManyEntriesDraftRelations` with 200/404 by existence. Each wrapper below checks the
 * owning site through the editor's own permissions before Strapi's handler runs.
 *
 * Wrapped at register time through the controllers registry: Strapi resolves route handlers when
 * it mounts the routes, after every plugin's register() and before bootstrap().
 */

type Ctx = {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: Record<string, unknown>; query: Record<string, unknown> };
  state: { userAbility: unknown; user?: unknown };
};
type Handler = (ctx: Ctx, next?: () => Promise<unknown>) => Promise<unknown>;
type Controller = Record<string, Handler>;

interface PermissionChecker {
  can: Record<string, (entity?: unknown, field?: string) => boolean>;
  cannot: Record<string, (entity?: unknown, field?: string) => boolean>;
  requiresEntity: Record<string, () => boolean>;
}

export const OUT_OF_SCOPE = 'This item does not exist or belongs to a site outside the sites assigned to you';

/** One answer for "no such item" and "another site's item", so the answer reveals nothing. */
export const refuse = (): never => {
  throw new errors.PolicyError(OUT_OF_SCOPE);
};

export const permissionChecker = (strapi: Core.Strapi, ctx: Ctx, model: string): PermissionChecker =>
  strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ctx.state.userAbility, model });

const isScopedModel = (strapi: Core.Strapi, model: unknown): model is string =>
  typeof model === 'string' && isClusterType(contentTypeOf(strapi, model));

type Row = { id: number; documentId: string; locale?: string | null; publishedAt?: string | null; [OWNER_FIELD]?: string | null };

/** Rows of a document, drafts first: what a permission condition is checked against. */
const versionsOf = async (strapi: Core.Strapi, model: string, documentId: unknown): Promise<Row[]> => {
  if (typeof documentId !== 'string' || !documentId) return [];
  const select = ['id', 'documentId', 'publishedAt', OWNER_FIELD, ...('locale' in attributesOf(strapi, model) ? ['locale'] : [])];
  return strapi.db.query(model).findMany({ where: { documentId }, select, orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }] });
};

/**
 * Refuses (one 403) unless the editor may read every named document, in at least one of its
 * versions. Nothing is checked, and the ids are not even read, for a type without an owning site
 * or an editor whose read permission has no conditions (Super Admins, unscoped roles).
 */
const assertReadableDocuments = async (
  strapi: Core.Strapi,
  ctx: Ctx,
  model: unknown,
  documentIds: () => Promise<unknown[]> | unknown[],
  { atLeastOne = false } = {}
) => {
  if (!isScopedModel(strapi, model)) return;
  const checker = permissionChecker(strapi, ctx, model);
  if (!checker.requiresEntity.read()) return;
  const ids = new Set(await documentIds());
  if (atLeastOne && !ids.size) refuse();
  for (const documentId of ids) {
    const versions = await versionsOf(strapi, model, documentId);
    if (!versions.length || versions.every((v) => checker.cannot.read(v))) refuse();
  }
};

const requestedLocale = (strapi: Core.Strapi, ctx: Ctx): Promise<string> | string => {
  const fromBody = ctx.request.body?.locale;
  const fromQuery = ctx.request.query?.locale;
  if (typeof fromBody === 'string' && fromBody) return fromBody;
  if (typeof fromQuery === 'string' && fromQuery) return fromQuery;
  return strapi.plugin('i18n').service('locales').getDefaultLocale();
};

export const extendContentManager = (strapi: Core.Strapi) => {
  const controllers = strapi.get('controllers');

  controllers.extend('plugin::content-manager.collection-types', (original: Controller) => {
    const wrapped: Controller = Object.create(original);

    /**
     * `PUT …/:id?locale=x`: when the document has no `x` version yet Strapi creates one, checking
     * only that the editor may create items at all. The new version inherits the document's owner,
     * so the editor must be allowed to create an item owned by that site in that locale.
     */
    wrapped.update = async function update(ctx, next) {
      const { model, id } = ctx.params;
      if (isScopedModel(strapi, model)) {
        const versions = await versionsOf(strapi, model, id);
        const locale = await requestedLocale(strapi, ctx);
        const checker = permissionChecker(strapi, ctx, model);
        if (versions.length && !versions.some((v) => v.locale === locale || v.locale === undefined)) {
          const subject = { ...versions[0], locale, publishedAt: null };
          if (checker.cannot.create(subject) || versions.every((v) => checker.cannot.read(v))) refuse();
        }
      }
      return original.update.call(this, ctx, next);
    };

    /**
     * Clone copies the source's text into the answer: the editor must be allowed to read the source.
     * (Who owns the copy is checked by the ownership document middleware on `clone`.)
     */
    const guardClone = (action: 'clone' | 'autoClone'): Handler =>
      async function clone(this: Controller, ctx, next) {
        const { model, sourceId } = ctx.params;
        if (isScopedModel(strapi, model)) {
          const checker = permissionChecker(strapi, ctx, model);
          if (checker.requiresEntity.read()) {
            const locale = await requestedLocale(strapi, ctx);
            const versions = await versionsOf(strapi, model, sourceId);
            const source = versions.find((v) => !v.publishedAt && (v.locale === undefined || v.locale === locale));
            if (!source || checker.cannot.read(source)) refuse();
          }
        }
        return original[action].call(this, ctx, next);
      };
    wrapped.clone = guardClone('clone');
    wrapped.autoClone = guardClone('autoClone');

    /**
     * Strapi answers 404 when none of the ids exist and counts otherwise, without checking whose
     * they are. An editor whose read permission has conditions gets one 403 for any id that does
     * not exist or that they may not read.
     */
    wrapped.countManyEntriesDraftRelations = async function countMany(ctx, next) {
      const raw = ctx.request.query.documentIds;
      const ids = (Array.isArray(raw) ? raw : [raw]).filter((x): x is string => typeof x === 'string' && !!x);
      await assertReadableDocuments(strapi, ctx, ctx.params.model, () => ids, { atLeastOne: true });
      return original.countManyEntriesDraftRelations.call(this, ctx, next);
    };

    /**
     * The bulk-publish dialog's `POST …/actions/bulkFindForValidation { documentIds }` returns the
     * deeply populated drafts of the ids it is given, checking only that the editor may read the type.
     * Every id must be one the editor may read (one 403 otherwise).
     */
    wrapped.bulkFindForValidation = async function bulkFind(ctx, next) {
      const raw = ctx.request.body?.documentIds;
      const ids = (Array.isArray(raw) ? raw : []).filter((x): x is string => typeof x === 'string' && !!x);
      await assertReadableDocuments(strapi, ctx, ctx.params.model, () => ids);
      return original.bulkFindForValidation.call(this, ctx, next);
    };

    /** Same for one document: no 404-versus-403 difference for a scoped editor. */
    wrapped.countDraftRelations = async function countOne(ctx, next) {
      await assertReadableDocuments(strapi, ctx, ctx.params.model, () => [ctx.params.id]);
      return original.countDraftRelations.call(this, ctx, next);
    };

    return wrapped;
  });

  /**
   * i18n's helpers of the edit view read another locale of a document for the form: "fill in from
   * another locale" returns that locale's whole draft, and "non-localized fields" its shared fields,
   * both checking only that the editor may read the type. The editor must be able to read the source.
   */
  controllers.extend('plugin::i18n.content-types', (original: Controller) => {
    const wrapped: Controller = Object.create(original);
    wrapped.getFillFromLocaleData = async function fillFrom(ctx, next) {
      await assertReadableDocuments(strapi, ctx, ctx.params.model, () => [ctx.request.query.documentId]);
      return original.getFillFromLocaleData.call(this, ctx, next);
    };
    wrapped.getNonLocalizedAttributes = async function nonLocalized(ctx, next) {
      const { model, id } = (ctx.request.body ?? {}) as { model?: unknown; id?: unknown };
      if (isScopedModel(strapi, model) && contentTypeOf(strapi, model)?.kind === 'collectionType') {
        await assertReadableDocuments(strapi, ctx, model, async () => {
          const row = Number.isInteger(Number(id))
            ? await strapi.db.query(model).findOne({ where: { id: Number(id) }, select: ['documentId'] })
            : null;
          return [row?.documentId];
        });
      }
      return original.getNonLocalizedAttributes.call(this, ctx, next);
    };
    return wrapped;
  });

  controllers.extend('plugin::content-manager.relations', (original: Controller) => {
    const wrapped: Controller = Object.create(original);
    /**
     * The relation picker lists targets through the editor's read permission, so an editor limited
     * to their sites could not link another site's item at all (a county interpretation of a
     * prefecture policy). For a site-scoped target the picker lists the editor's own drafts and
     * every site's published items, never another site's drafts.
     */
    wrapped.findAvailable = async function findAvailable(ctx, next) {
      const { model, targetField } = ctx.params;
      const target = targetOf(modelOf(strapi, model)?.attributes?.[targetField]);
      if (isScopedModel(strapi, target) && permissionChecker(strapi, ctx, target).requiresEntity.read()) {
        return findAvailableInScope(strapi, this as unknown as Parameters<typeof findAvailableInScope>[1], ctx, target);
      }
      return original.findAvailable.call(this, ctx, next);
    };
    /**
     * An entry's existing links: Strapi shows a link the editor may not read (another site's item)
     * as a bare id. For a site-scoped target, such a link shows the title of its published version.
     */
    wrapped.findExisting = async function findExisting(ctx, next) {
      const result = await original.findExisting.call(this, ctx, next);
      const { model, targetField } = ctx.params;
      const sourceSchema = modelOf(strapi, model);
      const target = targetOf(sourceSchema?.attributes?.[targetField]);
      if (isScopedModel(strapi, target) && permissionChecker(strapi, ctx, target).requiresEntity.read()) {
        await withPublishedTitles(strapi, ctx as unknown as { body?: { results?: LinkRow[] } }, sourceSchema!, targetField, target);
      }
      return result;
    };
    return wrapped;
  });
};
