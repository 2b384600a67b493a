import status from './status';
import pretranslate from './pretranslate';

export default {
  status,
  pretranslate,
};
