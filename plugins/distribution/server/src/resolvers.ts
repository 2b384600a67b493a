import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { optionalService, type SubmissionTargets as Targets } from '@jiyue/kernel';
import type { ReplacementRow } from './find-replace/utils/replacement-rows';
import { getService } from './utils/get-service';
import type { ChannelRow, DeliveryRow, RetractionRow } from './utils/rows';
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
  const scope = optionalService(strapi, 'site-group', 'scope');
  if (!scope) return;
  const siteOf = <Row>(uid: string, what: string, pick: (row: Row) => unknown) => async (request: Request) => {
    const row = (await strapi.db.query(uid).findOne({ where: { id: idParam(request.params.id, what) } })) as Row | null;
    if (!row) throw new errors.NotFoundError(`No ${what} ${request.params.id}`);
    const site = pick(row);
    return typeof site === 'string' && site ? [site] : [];
  };
  scope.registerResolver('distribution.channel', siteOf<ChannelRow>(CHANNEL_UID, 'channel', (r) => r.site));
  scope.registerResolver('distribution.delivery', siteOf<DeliveryRow>(DELIVERY_UID, 'delivery', (r) => r.site));
  scope.registerResolver('distribution.retraction', siteOf<RetractionRow>(RETRACTION_UID, 'retraction', (r) => r.scope?.site));
  scope.registerResolver('distribution.replacement', siteOf<ReplacementRow>(REPLACEMENT_UID, 'replacement', (r) => r.scopeSite));
  // The sites a body's `targets` reach (PUT /distribution/targets): the sites of its placement targets and of its chosen channels.
  // An editor sends their items only to their own sites' columns and accounts (报送 upward goes through site-group's submissions).
  scope.registerResolver('distribution.submission-targets', async (request) =>
    getService('targets').sitesOf((request.body as { targets?: unknown } | undefined)?.targets)
  );
};

/**
 * The submit extension distribution registers with review-workflow (below it): the submit body's
 * `targets` are validated by distribution, their sites checked by the submit route's scope, and
 * stored in distribution's own table once the submission is recorded. Review-workflow keeps none of it.
 */
export const registerSubmitExtension = (strapi: Core.Strapi) => {
  optionalService(strapi, 'review-workflow', 'hooks')?.addSubmitExtension<Targets>({
    field: 'targets',
    validate: (value) => getService('targets').validate(value),
    sitesOf: (value) => getService('targets').sitesOf(value),
    async save(item, value) {
      const user = (strapi.requestContext.get() as { state?: { user?: { id?: number } } } | undefined)?.state?.user;
      await getService('targets').choose(item, value, user?.id ?? null);
    },
  });
};
