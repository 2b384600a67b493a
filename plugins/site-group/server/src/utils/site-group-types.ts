import type { Core } from '@strapi/strapi';

/** The attribute the plugin adds to every opted-in content type: the code of the owning site. */
export const OWNER_FIELD = 'ownerSite';

/** Whether a content type opted in through `pluginOptions['site-group'].enabled` (as i18n's `localized`). */
export const isSiteGroupEnabled = (contentType: unknown): boolean =>
  (contentType as { pluginOptions?: Record<string, { enabled?: boolean }> })?.pluginOptions?.['site-group']?.enabled === true;

export const siteGroupContentTypes = (strapi: Core.Strapi): string[] =>
  Object.values(strapi.contentTypes)
    .filter(isSiteGroupEnabled)
    .map((ct) => ct.uid);
