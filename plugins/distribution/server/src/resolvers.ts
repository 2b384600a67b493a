import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CHANNEL_UID, DELIVERY_UID, REPLACEMENT_UID, RETRACTION_UID } from './utils/uids';

type Request = { params: Record<string, string> };

const idParam = (raw: string, what: string) => {
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1) throw new errors.NotFoundError(`No ${what} ${raw}`);
  return id;
};

/**
 * How site-group's route-scope policy learns the site of distribution's own objects (a channel, a
 * delivery, a retraction, a replacement): resolvers registered with site-group's `scope` service, so
 * site-group never reads distribution's tables.
 */
export const registerDistributionResolvers = (strapi: Core.Strapi) => {
  const scope = strapi.plugin('site-group')?.service('scope');
  if (!scope) return;
  const siteOf = (uid: string, what: string, pick: (row: any) => unknown) => async (request: Request) => {
    const row = await strapi.db.query(uid as any).findOne({ where: { id: idParam(request.params.id, what) } });
    if (!row) throw new errors.NotFoundError(`No ${what} ${request.params.id}`);
    const site = pick(row);
    return typeof site === 'string' && site ? [site] : [];
  };
  scope.registerResolver('distribution.channel', siteOf(CHANNEL_UID, 'channel', (r) => r.site));
  scope.registerResolver('distribution.delivery', siteOf(DELIVERY_UID, 'delivery', (r) => r.site));
  scope.registerResolver('distribution.retraction', siteOf(RETRACTION_UID, 'retraction', (r) => r.scope?.site));
  scope.registerResolver('distribution.replacement', siteOf(REPLACEMENT_UID, 'replacement', (r) => r.scopeSite));
  // The sites a submission's `targets` reach: the sites of its placement targets and of its chosen channels.
  // An editor sends their items only to their own sites' columns and accounts (报送 upward goes through site-group's submissions).
  scope.registerResolver('distribution.submission-targets', async (request: { body: unknown }) => {
    const targets = (request.body as { targets?: { placements?: unknown; channels?: unknown } } | undefined)?.targets;
    if (!targets || typeof targets !== 'object') return [];
    const sites = new Set<string>();
    if (Array.isArray(targets.placements)) {
      for (const p of targets.placements) if (p && typeof p === 'object' && typeof (p as any).site === 'string') sites.add((p as any).site);
    }
    const keys = Array.isArray(targets.channels) ? targets.channels.filter((k): k is string => typeof k === 'string') : [];
    if (keys.length) {
      const rows = await strapi.db.query(CHANNEL_UID).findMany({ where: { key: { $in: keys } }, select: ['site'] });
      for (const row of rows) if (row.site) sites.add(row.site);
    }
    return [...sites];
  });
};
