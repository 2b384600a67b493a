import type { Core } from '@strapi/strapi';
import { closeRateLimits } from '@jiyue/kernel';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService('indexer').flush();
  await getService('analytics').flush();
  await getService('engine').close();
  // The public rate limits' Redis connection, when REDIS_URL is set.
  await closeRateLimits(strapi);
};
