import scope from './scope';

export default { scope };
