export const TAG_UID = 'plugin::policy-match.tag';
export const ELIGIBILITY_UID = 'plugin::policy-match.eligibility';
export const PROFILE_UID = 'plugin::policy-match.profile';
export const PROFILE_TAG_UID = 'plugin::policy-match.profile-tag';
// C: typed profile facts and audience runs (issue #19)
export const PROFILE_FACT_UID = 'plugin::policy-match.profile-fact';
export const AUDIENCE_RUN_UID = 'plugin::policy-match.audience-run';
export const SUBSCRIPTION_UID = 'plugin::policy-match.subscription';
export const FAVOURITE_UID = 'plugin::policy-match.favourite';
export const RATING_UID = 'plugin::policy-match.rating';
export const COMMENT_UID = 'plugin::policy-match.comment';
export const INBOX_UID = 'plugin::policy-match.inbox-item';
export const RATE_COUNTER_UID = 'plugin::policy-match.rate-counter';
// A: the fact registry
export const FACT_UID = 'plugin::policy-match.fact';
export const REVISION_UID = 'plugin::policy-match.revision';
