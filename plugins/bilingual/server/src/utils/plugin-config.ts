import type { BilingualConfig } from '../config';

export const pluginConfig = <K extends keyof BilingualConfig>(key: K): BilingualConfig[K] =>
  strapi.plugin('bilingual').config(key) as BilingualConfig[K];
