import channel from './channel';
import delivery from './delivery';
import retraction from './retraction';
import { findReplaceContentTypes } from '../find-replace';
import submissionTarget from './submission-target';

export default {
  channel,
  delivery,
  retraction,
  ...findReplaceContentTypes,
  'submission-target': submissionTarget,
};
