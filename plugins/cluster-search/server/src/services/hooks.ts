import { createItemDecoratorRegistry, type ClusterSearchHooksService } from '@jiyue/kernel';

/**
 * Registration points for the plugins above cluster-search (kernel contract
 * `ClusterSearchHooksService`): item decorators run on the hits of `GET /api/cluster-search/search`
 * before they are answered (bilingual adds `alternates`).
 */
export default (): ClusterSearchHooksService => createItemDecoratorRegistry();
