import { contentTypeOf, isLocalizedType } from '@jiyue/kernel';
import { pluginConfig } from './plugin-config';

/** The content types this plugin follows: configured, else every i18n-localized api:: type. */
export const followedContentTypes = (): string[] => {
  const configured = pluginConfig('contentTypes');
  if (configured) return configured.filter((uid) => isLocalizedType(contentTypeOf(strapi, uid)));
  return Object.entries(strapi.contentTypes)
    .filter(([uid, contentType]) => uid.startsWith('api::') && isLocalizedType(contentType))
    .map(([uid]) => uid);
};

export const isFollowed = (uid: string) => followedContentTypes().includes(uid);
