import { registerBilingualResolvers } from './resolvers';
import { registerItemDecorators } from './item-decorators';
import type { Core } from '@strapi/strapi';
import { optionalService } from '@jiyue/kernel';
import { getService } from './utils/get-service';

const ACTIONS = [
  { uid: 'status.read', displayName: 'See translation status and coverage' },
  { uid: 'translation.edit', displayName: 'Edit translations beside their source (drafts)' },
  { uid: 'pretranslate.run', displayName: 'Pretranslate with the glossary (machine-assisted drafts)' },
  { uid: 'xliff.export', displayName: 'Export XLIFF for translators' },
  { uid: 'xliff.import', displayName: 'Import XLIFF translations (drafts)' },
].map((action) => ({ ...action, section: 'plugins', pluginName: 'bilingual', subCategory: 'translation' }));

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  registerBilingualResolvers(strapi);
  registerItemDecorators(strapi);
  await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS);
  const seeded = await getService('glossary').seedOfficialNames();
  if (seeded) strapi.log.info(`bilingual: ${seeded} official names added to the glossary`);
  // policy-match's fact labels in Tibetan: only approved glossary terms (a hook: policy-match may not call us).
  optionalService(strapi, 'policy-match', 'hooks')?.registerLabelSource(async (zh) => {
    const wanted = new Set(zh);
    const terms = (await getService('glossary').approvedTerms()).filter((t) => wanted.has(t.zh));
    return new Map(terms.reverse().map((t) => [t.zh, t.bo]));
  });
};
