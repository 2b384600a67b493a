import type { ItemDecoratorRegistry } from './hooks';

/** Registration points of cluster-search: item decorators on the public search route's hits. */
export type ClusterSearchHooksService = ItemDecoratorRegistry;

export interface ClusterSearchServices {
  hooks: ClusterSearchHooksService;
}
