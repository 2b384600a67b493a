import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { draftQueryParameter } from '../utils/draft-query';

/** The admin action that lets an admin session read drafts through our public surfaces. */
export const READ_DRAFTS_ACTION = 'plugin::review-workflow.read-drafts';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

interface RequestState {
  route?: { info?: { type?: string } };
  auth?: { strategy?: { name?: string } };
  userAbility?: { can: (action: string, subject?: string) => boolean };
}

/**
 * Who may read drafts through a content-API request: an API token (a site builder's server), or an
 * admin session holding `read-drafts`. The Public and Authenticated roles never: nothing unreviewed
 * is published, and a draft served over REST is published in all but name.
 */
export const mayReadDrafts = (state: RequestState): boolean => {
  const strategy = state.auth?.strategy?.name;
  if (strategy === 'api-token') return true;
  if (strategy === 'admin') return Boolean(state.userAbility?.can(READ_DRAFTS_ACTION));
  return false;
};

/** 403 naming `status` unless the caller may read drafts; a no-op for queries that ask for none. */
export const assertDraftReadAllowed = (query: unknown, state: RequestState) => {
  const parameter = draftQueryParameter(query);
  if (!parameter || mayReadDrafts(state)) return;
  throw new errors.PolicyError('Drafts are not public: only API tokens and admins holding read-drafts may read them (status=draft).', {
    path: [parameter],
    errors: [{ path: [parameter], message: 'must be "published" (or left out) for this caller', name: 'ForbiddenError' }],
  });
};

/**
 * Every read through the Document Service during a content-API request (the REST routes of every
 * type, and our plugins' public routes that read documents) checks the request's raw query: a draft
 * read (`status` other than `published`, anywhere, including inside `populate`) by a caller that may
 * not read drafts is refused before anything is read.
 */
export const draftReadGate = (strapi: Core.Strapi): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (!READ_ACTIONS.has(ctx.action)) return next();
  const request = strapi.requestContext.get() as { method?: string; query?: unknown; state?: RequestState } | undefined;
  if (!request || request.state?.route?.info?.type !== 'content-api') return next();
  assertDraftReadAllowed(request.query, request.state ?? {});
  return next();
};
