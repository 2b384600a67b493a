import type { Core } from '@strapi/strapi';
import { optionalService } from '@jiyue/kernel';
import { getService } from './utils/get-service';

/**
 * What review-workflow registers into site-group (below it on the ladder):
 * - `review-workflow.submit-extensions`: the sites a submit body's extra fields reach (asked of each
 *   registered submit extension), for the submit route's scope check;
 * - the copy publisher: a copy of a published item is published through the trusted path, since its
 *   content passed review at its origin (recorded in the audit trail with the reason).
 */
export const registerIntoSiteGroup = (strapi: Core.Strapi) => {
  optionalService(strapi, 'site-group', 'scope')?.registerResolver('review-workflow.submit-extensions', async (request) => {
    const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
    const sites = new Set<string>();
    for (const extension of getService('hooks').submitExtensions()) {
      if (body[extension.field] !== undefined) for (const site of await extension.sitesOf(body[extension.field])) sites.add(site);
    }
    return [...sites];
  });
  optionalService(strapi, 'site-group', 'hooks')?.setCopyPublisher((reason, publish) => getService('publish-gate').withTrustedPublish(reason, publish));
};
