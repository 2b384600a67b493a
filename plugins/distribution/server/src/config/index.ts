import { REPLACEMENT_DEFAULTS, validateReplacementConfig } from '../utils/replacement-config';

export default {
  default: { replacement: REPLACEMENT_DEFAULTS },
  validator: (config: Record<string, any>) => {
    validateReplacementConfig(config?.replacement);
  },
};
