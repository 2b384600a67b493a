import type services from '../services';

type Services = typeof services;

/** The policy-match service named `name`, typed by its factory. */
export const getService = <N extends keyof Services>(name: N): ReturnType<Services[N]> =>
  strapi.plugin('policy-match').service(name) as ReturnType<Services[N]>;
