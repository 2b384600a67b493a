import site from './site';
import column from './column';

export default { site, column };
