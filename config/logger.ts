import type { Core } from '@strapi/strapi';
import { winston, formats } from '@strapi/logger';

// LOG_LEVEL=warn keeps test and benchmark output readable; the default shows each request.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  transports: [
    new winston.transports.Console({
      level: env('LOG_LEVEL', 'http'),
      format: winston.format.combine(formats.levelFilter(env('LOG_LEVEL', 'http')), formats.prettyPrint({ timestamps: 'YYYY-MM-DD hh:mm:ss.SSS' })),
    }),
  ],
});
