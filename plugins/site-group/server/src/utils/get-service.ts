import type services from '../services';

type Services = typeof services;

/** The site-group service named `name`, typed by its factory. */
export const getService = <N extends keyof Services>(name: N): ReturnType<Services[N]> =>
  strapi.plugin('site-group').service(name);
