/**
 * The policy content type: the one whose schema opts in with
 * `"pluginOptions": { "policy-match": { "enabled": true } }`, else the configured `policyUid`.
 */
export const policyUid = (): string => {
  const opted = Object.values(strapi.contentTypes).find((ct) => (ct.pluginOptions as { 'policy-match'?: { enabled?: boolean } } | undefined)?.['policy-match']?.enabled === true);
  return opted?.uid ?? (strapi.plugin('policy-match').config('policyUid') as string);
};
