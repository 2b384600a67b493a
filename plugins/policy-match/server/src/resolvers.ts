import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { COMMENT_UID } from './utils/uids';
import { policyUid } from './utils/policy-uid';
import { optionalService } from '@jiyue/kernel';

type Request = { params: Record<string, string> };

/**
 * How site-group's route-scope policy learns the site of policy-match's objects: a policy (the opted-in
 * type's owning site) and a comment (its policy's site). Registered with site-group's `scope` service.
 */
export const registerPolicyMatchResolvers = (strapi: Core.Strapi) => {
  const scope = optionalService(strapi, 'site-group', 'scope');
  if (!scope) return;
  const ownerOfPolicy = async (documentId: string) => {
    const row = await strapi.db.query(policyUid()).findOne({ where: { documentId }, select: ['ownerSite'] });
    if (!row) throw new errors.NotFoundError(`No policy "${documentId}"`);
    return row.ownerSite ? [row.ownerSite as string] : [];
  };
  scope.registerResolver('policy-match.policy', async (request: Request) => ownerOfPolicy(request.params.documentId));
  scope.registerResolver('policy-match.comment', async (request: Request) => {
    const id = Number(request.params.id);
    const row = Number.isInteger(id) && id > 0 ? await strapi.db.query(COMMENT_UID).findOne({ where: { id }, select: ['policyDocumentId'] }) : null;
    if (!row) throw new errors.NotFoundError('no such comment');
    return ownerOfPolicy(row.policyDocumentId);
  });
};
