import type { Core } from '@strapi/strapi';
import { isClusterType } from '@jiyue/kernel';

/** The attribute the plugin adds to every opted-in content type: the code of the owning site. */
export const OWNER_FIELD = 'ownerSite';

/** The content types that opted in through `pluginOptions['site-group'].enabled` (the kernel's `isClusterType`). */
export const siteGroupContentTypes = (strapi: Core.Strapi): string[] =>
  Object.values(strapi.contentTypes)
    .filter(isClusterType)
    .map((ct) => ct.uid);
