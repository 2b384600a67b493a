import channel from './channel';
import delivery from './delivery';
import feed from './feed';
import retraction from './retraction';

export default { channel, delivery, feed, retraction };
