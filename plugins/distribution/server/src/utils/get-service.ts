import type { DistributionConfig } from '../config';
import type services from '../services';

type Services = typeof services;

/** The distribution service named `name`, typed by its factory. */
export const getService = <N extends keyof Services>(name: N): ReturnType<Services[N]> =>
  strapi.plugin('distribution').service(name);

/** One key of the plugin's config (defaults merged with config/plugins.ts, checked by the validator). */
export const pluginConfig = <K extends keyof DistributionConfig>(key: K): DistributionConfig[K] => strapi.plugin('distribution').config(key) as DistributionConfig[K];
