import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError, parseBody } from '@jiyue/kernel';
import { todayInChina } from '../utils/dates';
import { optionalCaller } from '../utils/caller';
import { serverTimingHeader, type Timing } from '../utils/server-timing';
import { getService } from '../utils/get-service';
import { checkMatchFacts, matchBody } from '../validation/match';

export default (_: { strapi: Core.Strapi }) =>
  ({
    /** POST /api/policy-match/match: the profile in the body, or else the signed-in caller's stored profile. */
    async match(ctx) {
      const input = checkMatchFacts(parseBody(matchBody, ctx.request.body), await getService('catalogue').registry());
      let profile = input.profile;
      if (!profile) {
        const caller = await optionalCaller(ctx);
        if (!caller) throw fieldError(['profile'], 'is required when not signed in: send a profile, or sign in to use your stored profile');
        const stored = await getService('profiles').getOwn(caller.id);
        if (!stored) throw new errors.NotFoundError('you have no stored profile: send one in the body or store one first');
        profile = { kind: stored.kind, facts: stored.facts };
      }
      // Where a match spends its time, outside production (`Server-Timing`: rev, eval, explain, ask).
      const timing: Timing | undefined = process.env.NODE_ENV === 'production' ? undefined : {};
      ctx.body = await getService('matcher').match(profile, {
        asOf: input.asOf ?? todayInChina(), includeIneligible: input.includeIneligible, documentIds: input.documentIds, limit: input.limit,
        locale: input.locale, declined: input.declined, timing,
      });
      if (timing) ctx.set('Server-Timing', serverTimingHeader(timing));
    },
  }) satisfies Core.Controller;
