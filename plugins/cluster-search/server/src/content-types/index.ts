import synonym from './synonym';
import queryStat from './query-stat';
import suggestTerm from './suggest-term';

export default {
  synonym,
  'query-stat': queryStat,
  'suggest-term': suggestTerm,
};
