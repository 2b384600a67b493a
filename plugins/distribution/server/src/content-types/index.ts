import replacement from './replacement';
import replacementChange from './replacement-change';
import replacementEvent from './replacement-event';

export default {
  replacement,
  'replacement-change': replacementChange,
  'replacement-event': replacementEvent,
};
