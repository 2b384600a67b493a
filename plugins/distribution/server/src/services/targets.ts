import type { Core } from '@strapi/strapi';
import { throwFieldErrors, type FieldError } from '@jiyue/kernel';
import { CHANNEL_UID } from '../utils/uids';

/**
 * What an editor picks at submission (`targets` of POST /review-workflow/documents/:uid/:documentId/submit):
 *
 *   { placements: [{ site: 'kangding', column: 'tzgg', mode?: 'reference' | 'copy' }],
 *     channels: ['wechat:ganzi', 'weibo:ganzi', 'webhook:ganzi-app'] }
 *
 * After the final approval, the publish writes one outbox row per target.
 */
export interface Targets {
  placements: { site: string; column: string; mode: 'reference' | 'copy' }[];
  channels: string[];
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
    const input = value as Record<string, any>;
    for (const key of Object.keys(input)) if (!TOP_KEYS.includes(key)) problems.push({ path: [...basePath, key], message: 'is not a known field (placements, channels)' });
    const placements = input.placements ?? [];
    const channels = input.channels ?? [];
    if (!Array.isArray(placements)) problems.push({ path: [...basePath, 'placements'], message: 'must be a list' });
    if (!Array.isArray(channels)) problems.push({ path: [...basePath, 'channels'], message: 'must be a list of channel keys' });
    throwFieldErrors(problems);

    const sg = strapi.plugin('site-group')?.service('placement');
    const out: Targets = { placements: [], channels: [] };
    for (const [i, p] of placements.entries()) {
      const path = [...basePath, 'placements', i];
      if (!p || typeof p !== 'object') {
        problems.push({ path, message: 'must be { site, column, mode? }' });
        continue;
      }
      for (const key of Object.keys(p)) if (!['site', 'column', 'mode'].includes(key)) problems.push({ path: [...path, key], message: 'is not a known field (site, column, mode)' });
      if (p.mode !== undefined && !['reference', 'copy'].includes(p.mode)) problems.push({ path: [...path, 'mode'], message: 'must be reference or copy' });
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
      out.placements.push({ site: p.site, column: p.column, mode: p.mode ?? 'reference' });
    }
    if (Array.isArray(channels)) {
      const keys = channels.filter((c) => typeof c === 'string');
      const found = keys.length ? await strapi.db.query(CHANNEL_UID).findMany({ where: { key: { $in: keys } }, select: ['key', 'kind', 'enabled'] }) : [];
      const byKey = new Map(found.map((c: any) => [c.key, c]));
      for (const [i, key] of channels.entries()) {
        const channel: any = typeof key === 'string' ? byKey.get(key) : null;
        if (!channel) problems.push({ path: [...basePath, 'channels', i], message: `no channel ${JSON.stringify(key)}` });
        else if (!channel.enabled) problems.push({ path: [...basePath, 'channels', i], message: `channel "${key}" is disabled` });
        else if (['feed', 'policy-library'].includes(channel.kind)) problems.push({ path: [...basePath, 'channels', i], message: `a ${channel.kind} channel is not chosen per item: it follows the site's columns` });
        else if (!out.channels.includes(key)) out.channels.push(key);
      }
    }
    throwFieldErrors(problems);
    return out;
  },

  /** The targets stored at submission (review-workflow's state for that locale), if any. */
  async chosen(uid: string, documentId: string, locale: string): Promise<Targets> {
    const flow = strapi.plugin('review-workflow')?.service('review-flow');
    const state = flow ? await flow.state(uid, documentId, locale) : null;
    const raw = state?.targets;
    if (!raw || typeof raw !== 'object') return { placements: [], channels: [] };
    return { placements: Array.isArray(raw.placements) ? raw.placements : [], channels: Array.isArray(raw.channels) ? raw.channels : [] };
  },

  /**
   * Every target of one published version: the chosen placements and channels, the owner site's
   * channels that deliver everything automatically, and the policy libraries a policy files into.
   */
  async resolve(uid: string, documentId: string, locale: string, snapshot: { ownerSite?: string; fields: Record<string, any> }): Promise<ResolvedTarget[]> {
    const chosen = await this.chosen(uid, documentId, locale);
    const out = new Map<string, ResolvedTarget>();
    for (const p of chosen.placements) {
      out.set(`site-column:${p.site}/${p.column}`, { channelKey: `site-column:${p.site}/${p.column}`, channelKind: 'site-column', site: p.site, route: { column: p.column, mode: p.mode ?? 'reference' } });
    }
    const owner = snapshot.ownerSite;
    const enabled = (await strapi.db.query(CHANNEL_UID).findMany({ where: { enabled: true }, select: ['key', 'kind', 'site', 'autoDeliver', 'settings'] })) as any[];
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
        const tree = await strapi.plugin('site-group').service('editor-scope').hierarchy();
        const ownerId = tree.byCode.get(owner)?.id;
        const above = new Set<number>(ownerId ? tree.ancestors(ownerId) : []);
        for (const lib of libraries) {
          const libId = tree.byCode.get(lib.site)?.id;
          const inReach = lib.site === owner || (lib.settings?.includeDescendants !== false && libId !== undefined && above.has(libId));
          if (!inReach) continue;
          const rule = (lib.settings?.rules ?? []).find(
            (r: any) =>
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
