import type { Core, Schema } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { compileSafePattern, UnsafePatternError, type SafePattern } from '../utils/safe-pattern';
import { fieldMatches, TooManyMatchesError, type MatchBudget, type TextMatch } from '../utils/field-matches';
import { replaceableFields, type ReplaceableField } from '../utils/replacement-fields';
import type { ReplacementChangeRow, ReplacementRow } from '../utils/replacement-rows';
import type { ItemRow } from '../../utils/rows';
import { textFingerprint, timestampMs } from '../utils/text-fingerprint';
import { replacementConfig } from '../utils/replacement-config';
import { requiredLiteral } from '../utils/required-literal';
import { REPLACEMENT_CHANGE_UID, REPLACEMENT_EVENT_UID, REPLACEMENT_UID } from '../../utils/uids';
import { emitEvent, fieldError, throwFieldErrors, type Actor, type ActorRecord, contentTypeOf, isClusterType, isLocalizedType } from '@jiyue/kernel';
import type { PreviewBody } from '../../validation/replacement';

/** Who previews, applies or rolls back: the record the audit trails keep, and the actor site scope rules apply to. */
export type ReplacementActor = ActorRecord & { scope: Actor };

const TITLE_FIELDS = ['title', 'name', 'question'];
const PREVIEW_PAGE = 100;

interface ItemMatches {
  uid: string;
  documentId: string;
  locale: string | null;
  title: string | null;
  ownerSite: string | null;
  placedIn: string[];
  previewHash: string;
  previewUpdatedAt: string | null;
  matches: TextMatch[];
}

/** What the preview stores of each match: enough to show it in context and to audit it. */
const storedMatch = (m: TextMatch) => ({ field: m.path[0], path: m.path, start: m.start, end: m.end, found: m.found, replacement: m.replacement, before: m.before, after: m.after });

/** One item of a replacement as the routes show it. */
export const changeView = (row: ReplacementChangeRow) => ({
  uid: row.contentType,
  documentId: row.itemDocumentId,
  locale: row.itemLocale,
  title: row.title,
  site: row.ownerSite,
  placedIn: row.placedIn ?? [],
  published: row.published,
  state: row.state,
  ...(row.reason ? { reason: row.reason } : {}),
  ...(row.republished ? { republished: true } : {}),
  matchCount: row.matchCount,
  matches: (row.matches ?? []).map((m) => ({ field: m.field, path: m.path, before: m.before, after: m.after })),
});

export const replacementView = (row: ReplacementRow) => ({
  id: row.id,
  status: row.status,
  find: row.find,
  replace: row.replace,
  regex: row.regex,
  scope: { site: row.scopeSite, includeDescendants: row.includeDescendants, sites: row.scopeSites ?? [] },
  contentTypes: row.contentTypes,
  locales: row.locales,
  counts: { items: row.itemCount, matches: row.matchCount, excluded: (row.excluded ?? []).length },
  excluded: row.excluded ?? [],
  previewedBy: { id: row.previewedById, name: row.previewedByName },
  previewedAt: row.createdAt,
  ...(row.appliedAt ? { appliedAt: row.appliedAt, appliedBy: { id: row.appliedById, name: row.appliedByName }, applyResult: row.applyResult } : {}),
  ...(row.rolledBackAt ? { rolledBackAt: row.rolledBackAt, rolledBackBy: { id: row.rolledBackById, name: row.rolledBackByName }, rollbackResult: row.rollbackResult } : {}),
});

/**
 * Cluster-wide find and replace (一键全集群替换), the preview side: find every match of a literal
 * phrase or an RE2 pattern in the text fields of the cluster's items within a site scope, show each
 * in context, and store the matched set (with each item's fingerprint) for the apply. Changes no item.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const scopeService = () => strapi.plugin('distribution').service('replacement-scope');

  const clusterTypes = () => Object.values(strapi.contentTypes as Record<string, Schema.ContentType>).filter((ct) => isClusterType(ct) && replaceableFields(ct).length > 0);

  const resolveTypes = (requested: string[] | undefined): string[] => {
    if (!requested) return clusterTypes().map((ct) => ct.uid);
    const problems = requested.flatMap((uid, i) => {
      const ct = contentTypeOf(strapi, uid);
      if (!ct) return [{ path: ['contentTypes', i], message: `unknown content type "${uid}"`, value: uid }];
      if (!isClusterType(ct)) return [{ path: ['contentTypes', i], message: `"${uid}" does not take part in the cluster (pluginOptions site-group)`, value: uid }];
      return [];
    });
    throwFieldErrors(problems);
    return [...new Set(requested)];
  };

  const resolveLocales = async (requested: string[] | undefined): Promise<string[]> => {
    const known = await scopeService().localeCodes();
    if (!requested) return known;
    const problems = requested.flatMap((code, i) =>
      known.includes(code) ? [] : [{ path: ['locales', i], message: `unknown locale "${code}"; this cluster has ${known.join(', ')}`, value: code }]
    );
    throwFieldErrors(problems);
    return [...new Set(requested)];
  };

  const compile = (find: string, replace: string, regex: boolean): SafePattern => {
    try {
      return compileSafePattern(find, replace, { regex, maxLength: replacementConfig(strapi).maxPatternLength });
    } catch (error) {
      if (error instanceof UnsafePatternError) throw fieldError([error.field], error.message, error.field === 'find' ? find : replace);
      throw error;
    }
  };

  const titleField = (ct: Schema.ContentType, fields: ReplaceableField[]) => TITLE_FIELDS.find((f) => f in ct.attributes) ?? fields.find((f) => f.kind === 'plain')?.name ?? null;

  const matchRow = (row: ItemRow, fields: ReplaceableField[], pattern: SafePattern, budget: MatchBudget, radius: number) =>
    fields.flatMap((f) => fieldMatches(f.name, f.kind, row[f.name], pattern, budget, radius));

  /** Whether the row has at least one match (stops at the first: a budget of none, overflowed by the first match). */
  const matchesAny = (row: ItemRow, fields: ReplaceableField[], pattern: SafePattern) => {
    try {
      matchRow(row, fields, pattern, { left: 0 }, 0);
      return false;
    } catch (error) {
      if (error instanceof TooManyMatchesError) return true;
      throw error;
    }
  };

  /**
   * Reads the drafts of one type in id order, `batchSize` rows at a time, selecting only what
   * matching needs. A literal find, or the literal every match of a regex must contain, narrows the
   * rows in the database first ($contains: a LIKE with wildcards escaped); the exact, markup-aware
   * match then runs here.
   */
  async function* scanDrafts(uid: string, fields: ReplaceableField[], locales: string[], literal: string | null, extraWhere: Record<string, unknown> = {}) {
    // The uids were checked by resolveTypes: each is a cluster content type.
    const ct = contentTypeOf(strapi, uid)!;
    const { batchSize } = replacementConfig(strapi);
    const localized = isLocalizedType(ct);
    const title = titleField(ct, fields);
    const select = [...new Set(['id', 'documentId', 'locale', 'updatedAt', 'ownerSite', ...(title ? [title] : []), ...fields.map((f) => f.name)])].filter(
      (name) => name === 'id' || name in ct.attributes || ['documentId', 'locale', 'updatedAt'].includes(name)
    );
    const prefilter = literal && fields.every((f) => f.kind !== 'blocks') ? { $or: fields.map((f) => ({ [f.name]: { $contains: literal } })) } : {};
    let lastId = 0;
    for (;;) {
      const rows = (await strapi.db.query(uid).findMany({
        where: { $and: [{ publishedAt: null, ...(localized ? { locale: { $in: locales } } : {}), ...prefilter, id: { $gt: lastId } }, extraWhere] },
        select,
        orderBy: { id: 'asc' },
        limit: batchSize,
      })) as ItemRow[];
      if (!rows.length) return;
      lastId = rows[rows.length - 1].id;
      yield { rows, title };
      if (rows.length < batchSize) return;
    }
  }

  const item = (uid: string, row: ItemRow, title: string | null, fields: ReplaceableField[], matches: TextMatch[], placedIn: string[] = []): ItemMatches => {
    const ms = timestampMs(row.updatedAt);
    return {
      uid,
      documentId: row.documentId,
      locale: row.locale ?? null,
      title: title ? ((row[title] as string | null | undefined) ?? null) : null,
      ownerSite: row.ownerSite ?? null,
      placedIn,
      previewHash: textFingerprint(row, fields.map((f) => f.name)),
      previewUpdatedAt: ms === null ? null : String(ms),
      matches,
    };
  };

  return {
    /**
     * Lists every match in scope and stores the matched set; changes no item. 400 for a bad body
     * (unknown type, locale or site, a pattern RE2 refuses, more than `maxMatches` matches), 403 when
     * the actor may not act for every site in scope.
     */
    async preview(body: PreviewBody, actor: ReplacementActor) {
      const config = replacementConfig(strapi);
      const pattern = compile(body.find, body.replace, body.regex);
      const uids = resolveTypes(body.contentTypes);
      const locales = await resolveLocales(body.locales);
      const scope = await scopeService().resolve(body.scope);
      await scopeService().assertCanActForAll(scope.codes, actor.scope);
      const scopeCodes = new Set(scope.codes);
      const canActFor = scopeService().canActForCache(actor.scope);

      const budget: MatchBudget = { left: config.maxMatches };
      const items: ItemMatches[] = [];
      const excluded: { uid: string; documentId: string; locale: string | null; site: string | null; reason: string }[] = [];

      try {
        for (const uid of uids) {
          const fields = replaceableFields(contentTypeOf(strapi, uid));
          if (!fields.length) continue;
          // Items owned elsewhere are in scope only when placed into a site in scope: found first, checked after the scan.
          const elsewhere: { id: number; documentId: string; locale: string | null; ownerSite: string | null }[] = [];
          for await (const { rows, title } of scanDrafts(uid, fields, locales, body.regex ? requiredLiteral(body.find) : body.find)) {
            for (const row of rows) {
              if (scopeCodes.has(row.ownerSite)) {
                const matches = matchRow(row, fields, pattern, budget, config.excerptRadius);
                if (matches.length) items.push(item(uid, row, title, fields, matches));
              } else {
                if (matchesAny(row, fields, pattern)) elsewhere.push({ id: row.id, documentId: row.documentId, locale: row.locale ?? null, ownerSite: row.ownerSite ?? null });
              }
            }
          }
          const placed = new Map<string, string[]>();
          for (const documentId of new Set(elsewhere.map((e) => e.documentId))) {
            const sites = await scopeService().placedIn(documentId, scopeCodes);
            if (sites.length) placed.set(documentId, sites);
          }
          const included: number[] = [];
          for (const e of elsewhere) {
            if (!placed.has(e.documentId)) continue;
            if (e.ownerSite && !(await canActFor(e.ownerSite))) {
              excluded.push({ uid, documentId: e.documentId, locale: e.locale, site: e.ownerSite, reason: `placed in ${placed.get(e.documentId)!.join(', ')} but owned by site "${e.ownerSite}", which you may not act for` });
              continue;
            }
            included.push(e.id);
          }
          for (let i = 0; i < included.length; i += 500) {
            for await (const { rows, title } of scanDrafts(uid, fields, locales, null, { id: { $in: included.slice(i, i + 500) } })) {
              for (const row of rows) {
                const matches = matchRow(row, fields, pattern, budget, config.excerptRadius);
                if (matches.length) items.push(item(uid, row, title, fields, matches, placed.get(row.documentId)));
              }
            }
          }
        }
      } catch (error) {
        if (error instanceof TooManyMatchesError) {
          throw fieldError(['find'], `more than ${config.maxMatches} matches: narrow the find, the content types, the locales or the scope`, body.find);
        }
        throw error;
      }

      const published = await this.publishedKeys(items);
      const matchCount = items.reduce((n, i) => n + i.matches.length, 0);

      const replacement = await strapi.db.transaction(async () => {
        const created = await strapi.db.query(REPLACEMENT_UID).create({
          data: {
            find: body.find,
            replace: body.replace,
            regex: body.regex,
            scopeSite: scope.site,
            includeDescendants: scope.includeDescendants,
            scopeSites: scope.codes,
            contentTypes: uids,
            locales,
            status: 'previewed',
            itemCount: items.length,
            matchCount,
            excluded,
            previewedById: actor.id,
            previewedByName: actor.name,
          },
        });
        for (let i = 0; i < items.length; i += 500) {
          await strapi.db.query(REPLACEMENT_CHANGE_UID).createMany({
            data: items.slice(i, i + 500).map((it) => ({
              replacementId: created.id,
              contentType: it.uid,
              itemDocumentId: it.documentId,
              itemLocale: it.locale,
              title: it.title,
              ownerSite: it.ownerSite,
              placedIn: it.placedIn,
              matches: it.matches.map(storedMatch),
              matchCount: it.matches.length,
              fields: [...new Set(it.matches.map((m) => m.path[0] as string))],
              previewHash: it.previewHash,
              previewUpdatedAt: it.previewUpdatedAt,
              published: published.has(`${it.uid}|${it.documentId}|${it.locale}`),
              state: 'pending',
            })),
          });
        }
        await strapi.db.query(REPLACEMENT_EVENT_UID).create({
          data: {
            replacementId: created.id,
            action: 'preview',
            actorId: actor.id,
            actorName: actor.name,
            find: body.find,
            replace: body.replace,
            scope: { site: scope.site, includeDescendants: scope.includeDescendants, sites: scope.codes.length },
            counts: { items: items.length, matches: matchCount, excluded: excluded.length },
          },
        });
        return created;
      });
      void emitEvent(strapi.eventHub, 'distribution.replacement.previewed', { id: replacement.id, items: items.length, matches: matchCount });
      return this.get(replacement.id, { page: 1, pageSize: PREVIEW_PAGE });
    },

    /** Which of the items have a published version in their locale. */
    async publishedKeys(items: { uid: string; documentId: string; locale: string | null }[]) {
      const keys = new Set<string>();
      for (const uid of new Set(items.map((i) => i.uid))) {
        const ids = [...new Set(items.filter((i) => i.uid === uid).map((i) => i.documentId))];
        for (let i = 0; i < ids.length; i += 500) {
          const rows = (await strapi.db.query(uid).findMany({
            where: { documentId: { $in: ids.slice(i, i + 500) }, publishedAt: { $notNull: true } },
            select: ['documentId', 'locale'],
          })) as Pick<ItemRow, 'documentId' | 'locale'>[];
          for (const r of rows) keys.add(`${uid}|${r.documentId}|${r.locale ?? null}`);
        }
      }
      return keys;
    },

    async load(id: number): Promise<ReplacementRow> {
      const row = (Number.isInteger(id) && id > 0 ? await strapi.db.query(REPLACEMENT_UID).findOne({ where: { id } }) : null) as ReplacementRow | null;
      if (!row) throw new errors.NotFoundError(`No replacement with id ${id}`);
      return row;
    },

    /** A replacement with one page of its items (matches in context, and each item's outcome once applied). */
    async get(id: number, { page = 1, pageSize = PREVIEW_PAGE, state }: { page?: number; pageSize?: number; state?: string } = {}) {
      const row = await this.load(id);
      const where = { replacementId: id, ...(state ? { state } : {}) };
      const changes = await strapi.db.query(REPLACEMENT_CHANGE_UID).findMany({ where, orderBy: { id: 'asc' }, offset: (page - 1) * pageSize, limit: pageSize });
      const total = await strapi.db.query(REPLACEMENT_CHANGE_UID).count({ where });
      return {
        data: { ...replacementView(row), items: changes.map(changeView) },
        meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },

    /** The append-only audit of a replacement, oldest first. */
    async audit(id: number) {
      await this.load(id);
      return strapi.db.query(REPLACEMENT_EVENT_UID).findMany({ where: { replacementId: id }, orderBy: { id: 'asc' } });
    },
  };
};
