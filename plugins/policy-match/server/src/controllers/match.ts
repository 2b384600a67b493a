import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { todayInChina } from '../utils/dates';
import { optionalCaller } from '../utils/caller';
import { getService } from '../utils/get-service';
import { validateMatchBody } from '../validation/profile';

export default {
  /** POST /api/policy-match/match: the profile in the body, or else the signed-in caller's stored profile. */
  async match(ctx: Context) {
    const input = await validateMatchBody(ctx.request.body);
    let profile = input.profile;
    if (!profile) {
      const caller = await optionalCaller(ctx);
      if (!caller) throw new errors.ValidationError('send a profile, or sign in to use your stored profile', { errors: [{ path: ['profile'], message: 'is required when not signed in' }] });
      const stored = await getService('profiles').getOwn(caller.id);
      if (!stored) throw new errors.NotFoundError('you have no stored profile: send one in the body or store one first');
      profile = { kind: stored.kind, facts: stored.facts };
    }
    ctx.body = await getService('matcher').match(profile, {
      asOf: input.asOf ?? todayInChina(), includeIneligible: input.includeIneligible, documentIds: input.documentIds, limit: input.limit,
    });
  },
};
