import type { Core } from '@strapi/strapi';
import { ensureLocales } from './bootstrap/locales';
import { policyIntegrity } from './validation/policy-integrity';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(policyIntegrity());
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
  },
};
