import replacement from './replacement';
import replacementApply from './replacement-apply';
import replacementScope from './replacement-scope';

export default {
  replacement,
  'replacement-apply': replacementApply,
  'replacement-scope': replacementScope,
};
