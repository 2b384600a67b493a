export interface InterpretationRule {
  /** The policy content type, its kind field, the kinds that need an interpretation, and the relation to interpretations. */
  contentType: string;
  kindField: string;
  kinds: string[];
  relation: string;
}

export interface ReviewWorkflowConfig {
  /** A policy of these kinds is sent back at submission without an interpretation, and publishes only with it (seeds 003/004). */
  interpretationRule: InterpretationRule | null;
  /** Host names of the cluster: links elsewhere are external and listed by the link check. */
  clusterDomains: string[];
  /** Reachability check of external links (off by default: it calls other hosts). */
  checkLinkReachability: boolean;
  linkTimeoutMs: number;
}

const defaults: ReviewWorkflowConfig = {
  interpretationRule: {
    contentType: 'api::policy.policy',
    kindField: 'documentKind',
    kinds: ['regulation', 'normative'],
    relation: 'interpretations',
  },
  clusterDomains: ['gov.cn'],
  checkLinkReachability: false,
  linkTimeoutMs: 3000,
};

const fail = (message: string): never => {
  throw new Error(`review-workflow config: ${message}`);
};

const validator = (config: Partial<ReviewWorkflowConfig>) => {
  const rule = config.interpretationRule;
  if (rule !== null && rule !== undefined) {
    for (const key of ['contentType', 'kindField', 'relation'] as const) {
      if (typeof rule[key] !== 'string' || !rule[key]) fail(`interpretationRule.${key} must be a non-empty string`);
    }
    if (!Array.isArray(rule.kinds) || !rule.kinds.every((k) => typeof k === 'string')) fail('interpretationRule.kinds must be a list of strings');
  }
  if (!Array.isArray(config.clusterDomains) || !config.clusterDomains.every((d) => typeof d === 'string' && /^[\p{L}\p{N}.-]+$/u.test(d))) {
    fail('clusterDomains must be a list of host names such as "gzz.gov.cn"');
  }
  if (!Number.isInteger(config.linkTimeoutMs) || (config.linkTimeoutMs as number) < 100 || (config.linkTimeoutMs as number) > 60000) {
    fail('linkTimeoutMs must be a whole number of milliseconds between 100 and 60000');
  }
};

export default { default: defaults, validator };
