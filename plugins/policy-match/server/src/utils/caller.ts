import type { Context } from 'koa';
import { errors } from '@strapi/utils';

/**
 * The users-permissions user behind an optional Bearer JWT on a public route (match works
 * anonymously too). A token that does not verify is an error only when the caller relies on it.
 */
export const optionalCaller = async (ctx: Context): Promise<{ id: number } | null> => {
  if (!ctx.request.header.authorization) return null;
  let payload: { id?: number } | null = null;
  try {
    payload = await strapi.plugin('users-permissions').service('jwt').getToken(ctx);
  } catch {
    return null;
  }
  if (!payload?.id) return null;
  const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: payload.id }, select: ['id', 'blocked'] });
  if (!user || user.blocked) throw new errors.UnauthorizedError('this account cannot sign in');
  return { id: user.id };
};

/** The authenticated users-permissions user of a protected content-API route. */
export const requireUser = (ctx: Context): { id: number } => {
  const user = ctx.state.user as { id: number } | undefined;
  if (!user?.id || ctx.state.auth?.strategy?.name !== 'users-permissions') throw new errors.UnauthorizedError('sign in as a user to do this');
  return { id: user.id };
};

/** The admin user of an admin route. */
export const adminId = (ctx: Context): number | undefined => (ctx.state.user as { id?: number } | undefined)?.id;
