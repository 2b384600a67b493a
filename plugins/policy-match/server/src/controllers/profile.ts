import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { requireUser } from '../utils/caller';
import { getService } from '../utils/get-service';
import { validateStoredProfileBody } from '../validation/profile';

/** The caller's own profile: no route takes a user or profile id, so nobody can name another's. */
export default {
  async find(ctx: Context) {
    const { id } = requireUser(ctx);
    const profile = await getService('profiles').getOwn(id);
    if (!profile) throw new errors.NotFoundError('you have no stored profile');
    ctx.body = { data: profile };
  },
  async put(ctx: Context) {
    const { id } = requireUser(ctx);
    await getService('rate-limit').hit(`profile:${id}`);
    const input = await validateStoredProfileBody(ctx.request.body);
    ctx.body = { data: await getService('profiles').saveOwn(id, input) };
  },
  async remove(ctx: Context) {
    const { id } = requireUser(ctx);
    ctx.body = { data: await getService('profiles').deleteOwn(id) };
  },
};
