/** RBAC actions of cluster-wide find and replace, registered in bootstrap. */
export const REPLACEMENT_ACTIONS = [
  { uid: 'replacement.preview', displayName: 'Preview cluster-wide replacements (一键全集群替换: preview)' },
  { uid: 'replacement.apply', displayName: 'Apply cluster-wide replacements' },
  { uid: 'replacement.rollback', displayName: 'Roll back cluster-wide replacements' },
].map((action) => ({ ...action, section: 'plugins', pluginName: 'distribution', subCategory: 'replacement' }));
