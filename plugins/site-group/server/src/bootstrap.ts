import type { Core } from '@strapi/strapi';

export default async ({ strapi: _strapi }: { strapi: Core.Strapi }) => {
  // Site-scoped RBAC conditions and actions arrive with placements (see the plugin README).
};
