import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

export default async ({ strapi: _strapi }: { strapi: Core.Strapi }) => {
  await getService('indexer').flush();
  await getService('analytics').flush();
  await getService('engine').close();
};
