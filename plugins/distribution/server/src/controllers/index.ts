import channel from './channel';
import delivery from './delivery';
import feed from './feed';
import retraction from './retraction';
import targets from './targets';
import { findReplaceControllers } from '../find-replace';

export default { channel, delivery, feed, retraction, targets, ...findReplaceControllers };
