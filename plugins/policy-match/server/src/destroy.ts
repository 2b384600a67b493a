import type { Core } from '@strapi/strapi';
import { closeRateLimits } from '@jiyue/kernel';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // The public rate limits' Redis connection, when REDIS_URL is set (shared with cluster-search).
  await closeRateLimits(strapi);
  // C: background audience runs (issue #19)
  await getService('audience-jobs').stop();
};
