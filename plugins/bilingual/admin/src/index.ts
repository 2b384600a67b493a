/**
 * bilingual's admin: the Language side panel on every localized type's edit view (locale states, the
 * other language, glossary pretranslation, the side-by-side view). Registered through package.json
 * `exports["./strapi-admin"]`; compiled by the app's admin build (`npm run build`).
 */
import { defineAdminPlugin } from '@jiyue/admin-ui';
import { PLUGIN_ID } from './constants';
import { LanguagePanel } from './components/language-panel';
import en from './translations/en.json';
import zhHans from './translations/zh-Hans.json';

export default defineAdminPlugin({
  id: PLUGIN_ID,
  translations: { en, 'zh-Hans': zhHans },
  sidePanels: [LanguagePanel],
});
