import status from './status';
import pretranslate from './pretranslate';
import xliff from './xliff';
import translation from './translation';

export default {
  status,
  pretranslate,
  xliff,
  translation,
};
