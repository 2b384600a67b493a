import reviewState from './review-state';
import reviewEvent from './review-event';
import stageConfig from './stage-config';
import dictionaryEntry from './dictionary-entry';
import externalSignOff from './external-sign-off';

export default {
  'review-state': reviewState,
  'review-event': reviewEvent,
  'stage-config': stageConfig,
  'dictionary-entry': dictionaryEntry,
  'external-sign-off': externalSignOff,
};
