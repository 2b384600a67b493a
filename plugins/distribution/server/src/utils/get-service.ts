import type services from '../services';

type Services = typeof services;

/** The distribution service named `name`, typed by its factory. */
export const getService = <N extends keyof Services>(name: N): ReturnType<Services[N]> =>
  strapi.plugin('distribution').service(name);

export const pluginConfig = <T = any>(key: string): T => strapi.plugin('distribution').config(key) as T;
