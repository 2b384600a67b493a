import type { UID } from '@strapi/strapi';
import { isLocalized } from './translatable-fields';
import { pluginConfig } from './plugin-config';

/** The content types this plugin follows: configured, else every i18n-localized api:: type. */
export const followedContentTypes = (): string[] => {
  const configured = pluginConfig('contentTypes');
  if (configured) return configured.filter((uid) => isLocalized(strapi.contentTypes[uid as UID.ContentType]));
  return Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::') && isLocalized(strapi.contentTypes[uid as UID.ContentType]));
};

export const isFollowed = (uid: string) => followedContentTypes().includes(uid);
