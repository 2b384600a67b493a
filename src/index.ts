import type { Core } from '@strapi/strapi';
import { ensureLocales } from './bootstrap/locales';
import { policyIntegrity } from './validation/policy-integrity';
import { draftFormats } from './validation/draft-formats';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(draftFormats());
    strapi.documents.use(policyIntegrity());
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
  },
};
