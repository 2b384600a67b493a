import synonym from './synonym';
import queryStat from './query-stat';

export default {
  synonym,
  'query-stat': queryStat,
};
