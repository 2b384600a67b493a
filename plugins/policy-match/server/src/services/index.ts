import taxonomy from './taxonomy';
import eligibility from './eligibility';
import catalogue from './catalogue';
import matcher from './matcher';
import profiles from './profiles';
import audience from './audience';
import engagement from './engagement';
import rateLimit from './rate-limit';
// A: the fact registry
import registry from './registry';
import hooks from './hooks';
// C: background reverse-match runs (issue #19)
import audienceJobs from './audience-jobs';

export default {
  taxonomy, eligibility, catalogue, matcher, profiles, audience, engagement, 'rate-limit': rateLimit,
  // A: the fact registry
  registry, hooks,
  // C: background reverse-match runs
  'audience-jobs': audienceJobs,
};
