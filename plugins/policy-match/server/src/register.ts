import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { AUDIENCE_RUN_UID, PROFILE_FACT_UID } from './utils/uids';
import { COMMENT_UID, FAVOURITE_UID, INBOX_UID, PROFILE_TAG_UID, PROFILE_UID, RATE_COUNTER_UID, RATING_UID, SUBSCRIPTION_UID } from './utils/uids';

/** Users' own data: reached only through this plugin's routes (which read with strapi.db.query, scoped to the caller). */
const PRIVATE_UIDS = new Set<string>([PROFILE_UID, PROFILE_TAG_UID, PROFILE_FACT_UID, AUDIENCE_RUN_UID, INBOX_UID, SUBSCRIPTION_UID, FAVOURITE_UID, RATING_UID, COMMENT_UID, RATE_COUNTER_UID]);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // No Document Service access at all — so neither the Content Manager (even for a Super Admin) nor
  // any generated or third-party route can list another user's profile, inbox or ratings.
  strapi.documents.use(async (ctx, next) => {
    if (PRIVATE_UIDS.has(ctx.uid)) throw new errors.PolicyError('policy-match keeps users’ profiles and engagement private: use the plugin’s own routes');
    return next();
  });
};
