import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { optionalService, service, throwFieldErrors, type FieldError } from '@jiyue/kernel';
import { pluginConfig } from '../utils/get-service';
import type { ChannelKind, ChannelRow } from '../utils/rows';
import { CHANNEL_UID } from '../utils/uids';

export const CHANNEL_KINDS = ['webhook', 'wechat', 'weibo', 'feed', 'policy-library'] as const satisfies readonly ChannelKind[];
export type { ChannelKind };

export interface ChannelInput {
  key?: string;
  site: string;
  kind: ChannelKind;
  name?: string;
  enabled?: boolean;
  autoDeliver?: boolean;
  credential?: string | null;
  settings?: Record<string, unknown>;
}

/** Settings each kind accepts; anything else is refused so a typo never silently disables a channel. */
const SETTINGS: Record<ChannelKind, string[]> = {
  webhook: ['url', 'events'],
  wechat: ['author', 'needOpenComment'],
  weibo: ['maxChars'],
  feed: ['title', 'description', 'columns'],
  'policy-library': ['includeDescendants', 'rules'],
};
const NEEDS_CREDENTIAL: ChannelKind[] = ['webhook', 'wechat', 'weibo'];
const CREDENTIAL_FIELDS: Partial<Record<ChannelKind, string[]>> = { webhook: ['secret'], wechat: ['appId', 'appSecret'], weibo: ['accessToken'] };
const SECRET_LIKE = /secret|token|password|passwd|appkey|apikey|private/i;
const HTTP_URL = /^https?:\/\/[^\s]+$/;
const POLICY_LEVELS = ['national', 'provincial', 'prefecture', 'county'];

/** The part of an env credential name that binds it to a site: `kangding` → `KANGDING_`, `ganzi-app` → `GANZI_APP_`. */
export const siteEnvPart = (site: string) => `${site.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_`;

export type CredentialResolution = { ok: true; values: Record<string, string> } | { ok: false; message: string };

/**
 * Channel config per site. Rows hold settings and the *name* of a credential; secrets live in
 * config/plugins.ts (`distribution.config.credentials`, each entry bound to its site) or in
 * environment variables under the configured prefix (`env:JIYUE_CHANNEL_<SITE>_…`).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Resolves a credential name for a channel of `site`. A config entry resolves only for the sites
   * it names; `env:VAR` only when VAR is `<prefix><SITE>_…`; any `env:` value only under the prefix.
   */
  resolveCredential(name: string | null | undefined, site: string): CredentialResolution {
    if (!name) return { ok: false, message: 'no credential named' };
    const prefix = pluginConfig('credentialEnvPrefix');
    const readEnv = (variable: string): string | undefined => (variable.startsWith(prefix) ? process.env[variable] : undefined);
    if (name.startsWith('env:')) {
      const variable = name.slice(4);
      const own = `${prefix}${siteEnvPart(site)}`;
      if (!variable.startsWith(own)) return { ok: false, message: `a ${site} channel may read only environment variables starting with ${own}` };
      const value = readEnv(variable);
      return value ? { ok: true, values: { secret: value, value } } : { ok: false, message: `environment variable ${variable} is not set` };
    }
    const credentials = pluginConfig('credentials') ?? {};
    const entry = Object.prototype.hasOwnProperty.call(credentials, name) ? credentials[name] : undefined;
    if (entry === undefined || entry === null) return { ok: false, message: `no credential named "${name}" in config` };
    if (typeof entry !== 'object' || Array.isArray(entry)) return { ok: false, message: `credential "${name}" is not bound to a site (config: { site, ...values })` };
    const { site: owners, ...fields } = entry as Record<string, unknown>;
    const sites = (Array.isArray(owners) ? owners : [owners]).filter((s): s is string => typeof s === 'string' && !!s);
    if (!sites.length) return { ok: false, message: `credential "${name}" is not bound to a site (config: { site, ...values })` };
    if (!sites.includes(site)) return { ok: false, message: `credential "${name}" belongs to ${sites.join(', ')}, not to ${site}` };
    const values: Record<string, string> = {};
    for (const [field, raw] of Object.entries(fields)) {
      const value = String(raw);
      if (value.startsWith('env:')) {
        if (!value.slice(4).startsWith(prefix)) return { ok: false, message: `credential "${name}".${field} reads ${value.slice(4)}, outside ${prefix}*` };
        const resolved = readEnv(value.slice(4));
        if (resolved) values[field] = resolved;
      } else if (value) values[field] = value;
    }
    return { ok: true, values };
  },

  /** The secret values behind a credential name for a channel of `site`, or null when it names nothing it may use. */
  credential(name: string | null | undefined, site: string): Record<string, string> | null {
    const resolved = this.resolveCredential(name, site);
    return resolved.ok ? resolved.values : null;
  },

  async validate(input: ChannelInput, existingId?: number): Promise<Required<Omit<ChannelInput, 'credential'>> & { credential: string | null }> {
    const problems: FieldError[] = [];
    const kind = input.kind;
    if (!CHANNEL_KINDS.includes(kind)) problems.push({ path: ['kind'], message: `must be one of ${CHANNEL_KINDS.join(', ')}` });
    const sites = optionalService(strapi, 'site-group', 'editor-scope');
    const tree = sites ? await sites.hierarchy() : null;
    if (typeof input.site !== 'string' || (tree && !tree.byCode.has(input.site))) problems.push({ path: ['site'], message: `no site with code ${JSON.stringify(input.site)}` });
    // Unchecked input: each setting is narrowed where it is read.
    const settings = (input.settings ?? {}) as Record<string, unknown>;
    if (typeof settings !== 'object' || Array.isArray(settings)) problems.push({ path: ['settings'], message: 'must be an object' });
    throwFieldErrors(problems);

    for (const key of Object.keys(settings)) {
      if (key === 'baseUrl' && (kind === 'wechat' || kind === 'weibo')) problems.push({ path: ['settings', key], message: `the ${kind} API address is server config (distribution.${kind}.baseUrl), not a channel setting` });
      else if (SECRET_LIKE.test(key)) problems.push({ path: ['settings', key], message: 'secrets are never stored in the database: put it in config or env and name it in `credential`' });
      else if (!SETTINGS[kind].includes(key)) problems.push({ path: ['settings', key], message: `is not a ${kind} setting (${SETTINGS[kind].join(', ')})` });
    }
    if (kind === 'webhook') {
      if (typeof settings.url !== 'string' || !HTTP_URL.test(settings.url)) problems.push({ path: ['settings', 'url'], message: 'a webhook needs an http(s) URL' });
      if (settings.events !== undefined && !(Array.isArray(settings.events) && settings.events.every((e: unknown) => typeof e === 'string'))) {
        problems.push({ path: ['settings', 'events'], message: 'must be a list of event names' });
      }
    }
    const maxChars = settings.maxChars;
    if (kind === 'weibo' && maxChars !== undefined && !(typeof maxChars === 'number' && Number.isInteger(maxChars) && maxChars >= 20 && maxChars <= 5000)) {
      problems.push({ path: ['settings', 'maxChars'], message: 'must be a whole number between 20 and 5000' });
    }
    if (kind === 'feed' && settings.columns !== undefined && !(Array.isArray(settings.columns) && settings.columns.every((c: unknown) => typeof c === 'string'))) {
      problems.push({ path: ['settings', 'columns'], message: 'must be a list of column slugs' });
    }
    if (kind === 'policy-library') {
      const rules = settings.rules;
      if (!Array.isArray(rules) || !rules.length) problems.push({ path: ['settings', 'rules'], message: 'a policy library needs at least one rule { level?, theme?, column }' });
      else {
        // The site is known from site-group's hierarchy above (its service, never its table).
        const site = tree?.byCode.has(input.site) ? input.site : null;
        for (const [i, entry] of (rules as unknown[]).entries()) {
          const rule = (entry ?? {}) as { level?: unknown; theme?: unknown; column?: unknown };
          const unknown = Object.keys(rule).filter((k) => !['level', 'theme', 'column'].includes(k));
          for (const k of unknown) problems.push({ path: ['settings', 'rules', i, k], message: 'is not a rule field (level, theme, column)' });
          if (rule.level !== undefined && !POLICY_LEVELS.includes(rule.level as string)) problems.push({ path: ['settings', 'rules', i, 'level'], message: `must be one of ${POLICY_LEVELS.join(', ')}` });
          if (rule.theme !== undefined && (typeof rule.theme !== 'string' || !rule.theme.trim())) problems.push({ path: ['settings', 'rules', i, 'theme'], message: 'must be a theme (主题分类) name' });
          if (typeof rule.column !== 'string') problems.push({ path: ['settings', 'rules', i, 'column'], message: 'names the column slug to file into' });
          else if (site) {
            const sg = service(strapi, 'site-group', 'placement');
            try {
              await sg.findColumn((await sg.findSite(site)).id, rule.column, site);
            } catch {
              problems.push({ path: ['settings', 'rules', i, 'column'], message: `site "${site}" has no column "${rule.column}"` });
            }
          }
        }
      }
    }
    if (NEEDS_CREDENTIAL.includes(kind)) {
      const resolution = input.credential ? this.resolveCredential(input.credential, input.site) : null;
      if (!input.credential) problems.push({ path: ['credential'], message: `a ${kind} channel names its credential (a config credential of site ${input.site}, or env:${pluginConfig('credentialEnvPrefix')}${siteEnvPart(input.site)}…)` });
      else if (!resolution!.ok) problems.push({ path: ['credential'], message: resolution!.message });
      else {
        const resolved = resolution!.values;
        const missing = (CREDENTIAL_FIELDS[kind] ?? []).filter((f) => !(f in resolved));
        if (missing.length) problems.push({ path: ['credential'], message: `credential "${input.credential}" lacks ${missing.join(', ')}` });
      }
    }
    const key = input.key ?? `${kind}:${input.site}`;
    if (!/^[a-z0-9-]+:[a-z0-9:_./-]+$/i.test(key)) problems.push({ path: ['key'], message: 'letters, digits, dashes, e.g. "wechat:ganzi" or "webhook:ganzi-app"' });
    else {
      const clash = await strapi.db.query(CHANNEL_UID).findOne({ where: { key }, select: ['id'] });
      if (clash && clash.id !== existingId) problems.push({ path: ['key'], message: `channel "${key}" exists already` });
    }
    throwFieldErrors(problems);
    return {
      key,
      site: input.site,
      kind,
      name: input.name ?? key,
      enabled: input.enabled ?? true,
      autoDeliver: input.autoDeliver ?? false,
      credential: input.credential ?? null,
      settings,
    };
  },

  async create(input: ChannelInput) {
    const data = await this.validate(input);
    return strapi.db.query(CHANNEL_UID).create({ data });
  },

  async update(id: number, input: Partial<ChannelInput>) {
    const current = await strapi.db.query(CHANNEL_UID).findOne({ where: { id } });
    if (!current) throw new errors.NotFoundError(`No channel ${id}`);
    const data = await this.validate({ ...current, ...input } as ChannelInput, id);
    return strapi.db.query(CHANNEL_UID).update({ where: { id }, data });
  },

  async remove(id: number) {
    const current = await strapi.db.query(CHANNEL_UID).findOne({ where: { id } });
    if (!current) throw new errors.NotFoundError(`No channel ${id}`);
    await strapi.db.query(CHANNEL_UID).delete({ where: { id } });
    return current;
  },

  /** Channels, optionally of one site and kind; `sites` limits them to the caller's sites (null: all). */
  async list(filter: { site?: string; kind?: string; sites?: string[] | null } = {}) {
    const where: Record<string, unknown> = {};
    if (filter.sites) where.site = { $in: filter.sites };
    if (filter.site) where.site = filter.sites && !filter.sites.includes(filter.site) ? { $in: [] } : filter.site;
    if (filter.kind) where.kind = filter.kind;
    return strapi.db.query(CHANNEL_UID).findMany({ where, orderBy: [{ site: 'asc' }, { key: 'asc' }] });
  },

  async byKey(key: string) {
    return (await strapi.db.query(CHANNEL_UID).findOne({ where: { key } })) as ChannelRow | null;
  },
});
