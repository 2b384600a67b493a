import channel from './channel';
import delivery from './delivery';
import feed from './feed';
import retraction from './retraction';
import replacement from './replacement';
import targets from './targets';

export default { channel, delivery, feed, retraction, replacement, targets };
