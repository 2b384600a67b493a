import match from './match';
import eligibility from './eligibility';
import taxonomy from './taxonomy';

export default { match, eligibility, taxonomy };
