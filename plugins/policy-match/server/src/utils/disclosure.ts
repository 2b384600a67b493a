import { DISCLOSURE_FIELD, VISIBLE_DISCLOSURES, attributesOf } from '@jiyue/kernel';
import { policyUid } from './policy-uid';

/** The database filter "publicly visible at all" for the policy type (empty when it has no disclosure field). */
export const visibleDisclosureWhere = (): Record<string, unknown> =>
  attributesOf(strapi, policyUid())[DISCLOSURE_FIELD] ? { [DISCLOSURE_FIELD]: { $in: [...VISIBLE_DISCLOSURES] } } : {};
