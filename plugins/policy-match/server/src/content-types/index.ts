import tag from './tag';
import eligibility from './eligibility';
import profile from './profile';
import profileTag from './profile-tag';
import subscription from './subscription';
import favourite from './favourite';
import rating from './rating';
import comment from './comment';
import inboxItem from './inbox-item';
import rateCounter from './rate-counter';
// A: the fact registry
import fact from './fact';
import revision from './revision';
// C: typed profile facts and audience runs (issue #19)
import profileFact from './profile-fact';
import audienceRun from './audience-run';

export default {
  'tag': tag,
  'eligibility': eligibility,
  'profile': profile,
  'profile-tag': profileTag,
  'subscription': subscription,
  'favourite': favourite,
  'rating': rating,
  'comment': comment,
  'inbox-item': inboxItem,
  'rate-counter': rateCounter,
  // A: the fact registry
  'fact': fact,
  'revision': revision,
  // C: typed profile facts and audience runs (issue #19)
  'profile-fact': profileFact,
  'audience-run': audienceRun,
};
