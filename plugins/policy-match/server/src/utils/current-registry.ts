import type { Core } from '@strapi/strapi';
import { STARTER_FACTS } from '../data/starter-facts';
import { registryFromDefs, type Registry } from './registry';

const STARTER_REGISTRY = registryFromDefs(STARTER_FACTS);

/**
 * The live fact registry: the registry service's `current()` (facts as data, cached on their
 * revision) where the plugin has it, else the starter set the registry is seeded with.
 */
export const currentRegistry = async (strapi: Core.Strapi): Promise<Registry> => {
  const service = strapi.plugin('policy-match').service('registry') as { current?: () => Promise<Registry> } | undefined;
  return service?.current ? service.current() : STARTER_REGISTRY;
};
