import channel from './channel';
import delivery from './delivery';
import retraction from './retraction';
import { findReplaceContentTypes } from '../find-replace';

export default {
  channel,
  delivery,
  retraction,
  ...findReplaceContentTypes,
};
