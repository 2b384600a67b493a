import channel from './channel';
import delivery from './delivery';
import retraction from './retraction';
import replacement from './replacement';
import replacementChange from './replacement-change';
import replacementEvent from './replacement-event';
import submissionTarget from './submission-target';

export default {
  channel,
  delivery,
  retraction,
  replacement,
  'replacement-change': replacementChange,
  'replacement-event': replacementEvent,
  'submission-target': submissionTarget,
};
