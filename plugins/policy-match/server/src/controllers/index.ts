import match from './match';
import eligibility from './eligibility';
import taxonomy from './taxonomy';
import profile from './profile';
import inbox from './inbox';
import audience from './audience';
import engagement from './engagement';
// F: try a profile on a policy
import tryProfile from './try';
// A: the fact registry
import fact from './fact';

export default {
  match, eligibility, taxonomy, profile, inbox, audience, engagement,
  // F
  try: tryProfile,
  // A: the fact registry
  fact,
};
