import site from './site';
import siteContent from './site-content';

export default {
  type: 'content-api',
  routes: [...site, ...siteContent],
};
