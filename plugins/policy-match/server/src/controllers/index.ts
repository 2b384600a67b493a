import match from './match';
import eligibility from './eligibility';
import taxonomy from './taxonomy';
import profile from './profile';
import inbox from './inbox';
import audience from './audience';
import engagement from './engagement';
// A: the fact registry
import fact from './fact';

export default {
  match, eligibility, taxonomy, profile, inbox, audience, engagement,
  // A: the fact registry
  fact,
};
