import type { Core } from '@strapi/strapi';
import site from './site';
import siteContent from './site-content';

export default {
  type: 'content-api',
  routes: [...site, ...siteContent],
} satisfies Core.RouterInput;
