import status from './status';
import pretranslate from './pretranslate';
import xliff from './xliff';

export default {
  status,
  pretranslate,
  xliff,
};
