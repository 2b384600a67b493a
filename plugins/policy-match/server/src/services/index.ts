import taxonomy from './taxonomy';
import eligibility from './eligibility';
import catalogue from './catalogue';
import matcher from './matcher';
import profiles from './profiles';

export default { taxonomy, eligibility, catalogue, matcher, profiles };
