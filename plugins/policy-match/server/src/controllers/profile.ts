import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseBody } from '@jiyue/kernel';
import { requireUser } from '../utils/caller';
import { getService } from '../utils/get-service';
import { parsePutFacts, putBody } from '../validation/profile';

/** The caller's own profile: no route takes a user or profile id, so nobody can name another's. */
export default (_: { strapi: Core.Strapi }) =>
  ({
    async find(ctx) {
      const { id } = requireUser(ctx);
      const profile = await getService('profiles').getOwn(id);
      if (!profile) throw new errors.NotFoundError('you have no stored profile');
      ctx.body = { data: profile };
    },
    async put(ctx) {
      const { id } = requireUser(ctx);
      await getService('rate-limit').hit(`profile:${id}`);
      const registry = await getService('catalogue').registry();
      const input = parsePutFacts(parseBody(putBody, ctx.request.body), registry, await getService('profiles').sensitiveTags());
      ctx.body = { data: await getService('profiles').saveOwn(id, input, registry) };
    },
    async remove(ctx) {
      const { id } = requireUser(ctx);
      ctx.body = { data: await getService('profiles').deleteOwn(id) };
    },
  }) satisfies Core.Controller;
