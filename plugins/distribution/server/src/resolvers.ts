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
};
