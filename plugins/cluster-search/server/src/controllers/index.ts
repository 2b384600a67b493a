import search from './search';
import admin from './admin';

export default { search, admin };
