import translationRecord from './translation-record';
import glossaryTerm from './glossary-term';

export default {
  'translation-record': translationRecord,
  'glossary-term': glossaryTerm,
};
