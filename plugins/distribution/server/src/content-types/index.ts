import channel from './channel';
import delivery from './delivery';
import retraction from './retraction';

export default { channel, delivery, retraction };
