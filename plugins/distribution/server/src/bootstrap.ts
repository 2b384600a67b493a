import type { Core } from '@strapi/strapi';
import { REPLACEMENT_ACTIONS } from './utils/replacement-actions';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(REPLACEMENT_ACTIONS);
};
