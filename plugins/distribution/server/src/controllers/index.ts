import replacement from './replacement';

export default {
  replacement,
};
