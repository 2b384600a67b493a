import site from './site';

export default {
  type: 'content-api',
  routes: [...site],
};
