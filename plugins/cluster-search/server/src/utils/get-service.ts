import type services from '../services';

type Services = typeof services;

/** The cluster-search service named `name`, typed by its factory. */
export const getService = <N extends keyof Services>(name: N): ReturnType<Services[N]> =>
  strapi.plugin('cluster-search').service(name) as ReturnType<Services[N]>;
