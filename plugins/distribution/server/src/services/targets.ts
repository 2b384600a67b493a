import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { emitEvent, optionalService, service, throwFieldErrors, type FieldError, type SubmissionTargets, type SubmittedItem, contentTypeOf } from '@jiyue/kernel';
import type { ChannelRow, ItemRow, PolicyLibraryRule } from '../utils/rows';
import { CHANNEL_UID, SUBMISSION_TARGET_UID } from '../utils/uids';

/**
 * What an editor picks for one locale of an item, stored in distribution's own table
 * (`plugin::distribution.submission-target`):
 *
 *   { placements: [{ site: 'kangding', column: 'tzgg', mode?: 'reference' | 'copy' }],
 *     channels: ['wechat:ganzi', 'weibo:ganzi', 'webhook:ganzi-app'] }
 *
 * Chosen at submission (`targets` of POST /review-workflow/documents/:uid/:documentId/submit, a
 * submit extension distribution registers with review-workflow) or with PUT /distribution/targets.
 * After the final approval, the publish writes one outbox row per target.
 */
export type Targets = SubmissionTargets;

export interface TargetsRow {
  uid: string;
  documentId: string;
  locale: string;
  placements: Targets['placements'];
  channels: string[];
  updatedAt: string | null;
}

/** One row-to-be in the outbox. */
export interface ResolvedTarget {
  channelKey: string;
  channelKind: string;
  site: string;
  /** Extra facts the adapter needs (column and mode for placements). */
  route?: Record<string, unknown>;
}

const TOP_KEYS = ['placements', 'channels'];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Checks and normalises a targets object; a 400 names each bad path under `targets`. */
  async validate(value: unknown, basePath: (string | number)[] = ['targets']): Promise<Targets> {
    const problems: FieldError[] = [];
    if (value === null || value === undefined) return { placements: [], channels: [] };
    if (typeof value !== 'object' || Array.isArray(value)) throwFieldErrors([{ path: basePath, message: 'must be { placements?: [{ site, column, mode? }], channels?: [channel keys] }' }]);
    const input = value as Record<string, unknown>;
    for (const key of Object.keys(input)) if (!TOP_KEYS.includes(key)) problems.push({ path: [...basePath, key], message: 'is not a known field (placements, channels)' });
    // Unchecked input: each entry is narrowed below.
    const placements = (input.placements ?? []) as { site?: unknown; column?: unknown; mode?: unknown }[];
    const channels = (input.channels ?? []) as unknown[];
    if (!Array.isArray(placements)) problems.push({ path: [...basePath, 'placements'], message: 'must be a list' });
    if (!Array.isArray(channels)) problems.push({ path: [...basePath, 'channels'], message: 'must be a list of channel keys' });
    throwFieldErrors(problems);

    const sg = optionalService(strapi, 'site-group', 'placement');
    const out: Targets = { placements: [], channels: [] };
    for (const [i, p] of placements.entries()) {
      const path = [...basePath, 'placements', i];
      if (!p || typeof p !== 'object') {
        problems.push({ path, message: 'must be { site, column, mode? }' });
        continue;
      }
      for (const key of Object.keys(p)) if (!['site', 'column', 'mode'].includes(key)) problems.push({ path: [...path, key], message: 'is not a known field (site, column, mode)' });
      if (p.mode !== undefined && p.mode !== 'reference' && p.mode !== 'copy') problems.push({ path: [...path, 'mode'], message: 'must be reference or copy' });
      if (typeof p.site !== 'string' || typeof p.column !== 'string') {
        problems.push({ path, message: 'site and column are required' });
        continue;
      }
      if (sg) {
        try {
          const site = await sg.findSite(p.site);
          try {
            await sg.findColumn(site.id, p.column, p.site);
          } catch {
            problems.push({ path: [...path, 'column'], message: `site "${p.site}" has no column "${p.column}"` });
          }
        } catch {
          problems.push({ path: [...path, 'site'], message: `no site with code "${p.site}"` });
        }
      }
      out.placements.push({ site: p.site, column: p.column, mode: (p.mode as 'reference' | 'copy' | undefined) ?? 'reference' });
    }
    if (Array.isArray(channels)) {
      const keys = channels.filter((c): c is string => typeof c === 'string');
      const found = (keys.length ? await strapi.db.query(CHANNEL_UID).findMany({ where: { key: { $in: keys } }, select: ['key', 'kind', 'enabled'] }) : []) as Pick<ChannelRow, 'key' | 'kind' | 'enabled'>[];
      const byKey = new Map(found.map((c) => [c.key, c]));
      for (const [i, key] of channels.entries()) {
        const channel = typeof key === 'string' ? byKey.get(key) : null;
        if (!channel) problems.push({ path: [...basePath, 'channels', i], message: `no channel ${JSON.stringify(key)}` });
        else if (!channel.enabled) problems.push({ path: [...basePath, 'channels', i], message: `channel "${key}" is disabled` });
        else if (['feed', 'policy-library'].includes(channel.kind)) problems.push({ path: [...basePath, 'channels', i], message: `a ${channel.kind} channel is not chosen per item: it follows the site's columns` });
        else if (!out.channels.includes(key as string)) out.channels.push(key as string);
      }
    }
    throwFieldErrors(problems);
    return out;
  },

  /**
   * What the Distribution panel offers for one item of the owning site: the channels an editor may
   * choose at submission (the owner site's enabled webhooks, WeChat and Weibo accounts; `autoDeliver`
   * ones receive every publish anyway), and, read-only, the policy libraries a policy files into and
   * the feeds that follow the columns the item is placed in. `chosen`: what the submission of
   * `locale` picked, if any. 404 for an unknown document.
   */
  async available(uid: string, documentId: string, locale?: string) {
    if (!contentTypeOf(strapi, uid)) throw new errors.NotFoundError(`No content type "${uid}"`);
    const row = (await strapi.db.query(uid).findOne({ where: { documentId }, select: ['ownerSite'] })) as Pick<ItemRow, 'ownerSite'> | null;
    if (!row) throw new errors.NotFoundError(`No ${uid} document "${documentId}"`);
    const owner: string | null = row.ownerSite ?? null;
    const enabled = (await strapi.db.query(CHANNEL_UID).findMany({ where: { enabled: true }, select: ['key', 'kind', 'site', 'name', 'autoDeliver', 'settings'], orderBy: { key: 'asc' } })) as Pick<ChannelRow, 'key' | 'kind' | 'site' | 'name' | 'autoDeliver' | 'settings'>[];
    const choosable = enabled
      .filter((c) => c.site === owner && ['webhook', 'wechat', 'weibo'].includes(c.kind))
      .map((c) => ({ key: c.key, kind: c.kind, site: c.site, name: c.name ?? c.key, autoDeliver: Boolean(c.autoDeliver) }));

    const tree = owner ? await service(strapi, 'site-group', 'editor-scope').hierarchy() : null;
    const ownerId = owner && tree ? tree.byCode.get(owner)?.id : undefined;
    const above = new Set<number>(tree && ownerId ? tree.ancestors(ownerId) : []);
    const policyLibraries =
      uid === 'api::policy.policy'
        ? enabled
            .filter((c) => c.kind === 'policy-library')
            .filter((c) => c.site === owner || (c.settings?.includeDescendants !== false && above.has(tree?.byCode.get(c.site)?.id ?? -1)))
            .map((c) => ({ key: c.key, site: c.site, name: c.name ?? c.key, rules: Array.isArray(c.settings?.rules) ? c.settings.rules : [] }))
        : [];

    // Feeds follow the columns: every active placement in a site with an enabled feed on that column.
    const placements = await service(strapi, 'site-group', 'placement-desk').forItem(uid, documentId);
    const feedsBySite = new Map<string, (typeof enabled)[number]>(enabled.filter((c) => c.kind === 'feed').map((c) => [c.site, c]));
    const feeds = placements
      .filter((p) => p.state === 'active' && p.site && p.column)
      .filter((p) => {
        const feed = feedsBySite.get(p.site!.code);
        const columns: string[] | undefined = feed?.settings?.columns;
        return feed && (!columns?.length || columns.includes(p.column!.slug));
      })
      .map((p) => {
        const base = `/api/distribution/feeds/${p.site!.code}/${p.column!.slug}`;
        return { site: p.site!.code, column: p.column!.slug, rss: `${base}.xml`, json: `${base}.json` };
      });
    const chosen = locale ? await this.chosen(uid, documentId, locale) : null;
    return { ownerSite: owner, channels: choosable, policyLibraries, feeds, chosen };
  },


  /** The sites a raw (unvalidated) targets value reaches: its placement sites and its channels' sites. */
  async sitesOf(value: unknown): Promise<string[]> {
    if (!value || typeof value !== 'object') return [];
    const targets = value as { placements?: unknown; channels?: unknown };
    const sites = new Set<string>();
    if (Array.isArray(targets.placements)) {
      for (const p of targets.placements) if (p && typeof p === 'object' && typeof (p as { site?: unknown }).site === 'string') sites.add((p as { site: string }).site);
    }
    const keys = Array.isArray(targets.channels) ? targets.channels.filter((k): k is string => typeof k === 'string') : [];
    if (keys.length) {
      const rows = await strapi.db.query(CHANNEL_UID).findMany({ where: { key: { $in: keys } }, select: ['site'] });
      for (const row of rows) if (row.site) sites.add(row.site);
    }
    return [...sites];
  },

  /** The stored choice for one locale of a document, or null when none was made. */
  async find(uid: string, documentId: string, locale: string): Promise<TargetsRow | null> {
    const row = await strapi.db.query(SUBMISSION_TARGET_UID).findOne({ where: { contentType: uid, itemDocumentId: documentId, itemLocale: locale } });
    if (!row) return null;
    return {
      uid,
      documentId,
      locale,
      placements: Array.isArray(row.placements) ? row.placements : [],
      channels: Array.isArray(row.channels) ? row.channels : [],
      updatedAt: row.updatedAt ? new Date(row.updatedAt).toISOString() : null,
    };
  },

  /** The targets chosen for one locale of a document (empty when none were chosen). */
  async chosen(uid: string, documentId: string, locale: string): Promise<Targets> {
    const row = await this.find(uid, documentId, locale);
    return row ? { placements: row.placements, channels: row.channels } : { placements: [], channels: [] };
  },

  /** Stores (replaces) the validated targets of one locale of a document. */
  async choose(item: SubmittedItem, targets: Targets, actorId: number | null = null): Promise<TargetsRow> {
    const where = { contentType: item.uid, itemDocumentId: item.documentId, itemLocale: item.locale };
    const data = { placements: targets.placements, channels: targets.channels, actorId };
    const existing = await strapi.db.query(SUBMISSION_TARGET_UID).findOne({ where, select: ['id'] });
    if (existing) await strapi.db.query(SUBMISSION_TARGET_UID).update({ where: { id: existing.id }, data });
    else await strapi.db.query(SUBMISSION_TARGET_UID).create({ data: { ...where, ...data } });
    void emitEvent(strapi.eventHub, 'distribution.targets.changed', { ...item, placements: targets.placements.length, channels: targets.channels.length });
    return (await this.find(item.uid, item.documentId, item.locale))!;
  },

  /**
   * Every target of one published version: the chosen placements and channels, the owner site's
   * channels that deliver everything automatically, and the policy libraries a policy files into.
   */
  async resolve(uid: string, documentId: string, locale: string, snapshot: { ownerSite?: string | null; fields: Record<string, unknown> }): Promise<ResolvedTarget[]> {
    const chosen = await this.chosen(uid, documentId, locale);
    const out = new Map<string, ResolvedTarget>();
    for (const p of chosen.placements) {
      out.set(`site-column:${p.site}/${p.column}`, { channelKey: `site-column:${p.site}/${p.column}`, channelKind: 'site-column', site: p.site, route: { column: p.column, mode: p.mode ?? 'reference' } });
    }
    const owner = snapshot.ownerSite;
    const enabled = (await strapi.db.query(CHANNEL_UID).findMany({ where: { enabled: true }, select: ['key', 'kind', 'site', 'autoDeliver', 'settings'] })) as Pick<ChannelRow, 'key' | 'kind' | 'site' | 'autoDeliver' | 'settings'>[];
    const byKey = new Map(enabled.map((c) => [c.key, c]));
    for (const key of chosen.channels) {
      const c = byKey.get(key);
      if (c && !['feed', 'policy-library'].includes(c.kind)) out.set(key, { channelKey: key, channelKind: c.kind, site: c.site });
    }
    for (const c of enabled) {
      if (c.autoDeliver && c.site === owner && ['webhook', 'wechat', 'weibo'].includes(c.kind)) out.set(c.key, { channelKey: c.key, channelKind: c.kind, site: c.site });
    }
    if (uid === 'api::policy.policy' && owner) {
      const libraries = enabled.filter((c) => c.kind === 'policy-library');
      if (libraries.length) {
        const tree = await service(strapi, 'site-group', 'editor-scope').hierarchy();
        const ownerId = tree.byCode.get(owner)?.id;
        const above = new Set<number>(ownerId ? tree.ancestors(ownerId) : []);
        for (const lib of libraries) {
          const libId = tree.byCode.get(lib.site)?.id;
          const inReach = lib.site === owner || (lib.settings?.includeDescendants !== false && libId !== undefined && above.has(libId));
          if (!inReach) continue;
          const rule = (lib.settings?.rules ?? []).find(
            (r: PolicyLibraryRule) =>
              (!r.level || r.level === snapshot.fields.level) &&
              (!r.theme || String(snapshot.fields.themeCategory ?? '').startsWith(r.theme))
          );
          if (rule) out.set(lib.key, { channelKey: lib.key, channelKind: 'policy-library', site: lib.site, route: { column: rule.column, mode: 'reference' } });
        }
      }
    }
    return [...out.values()];
  },
});
