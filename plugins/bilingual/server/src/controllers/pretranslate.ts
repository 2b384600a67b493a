import type { Core } from '@strapi/strapi';
import { parseBody } from '@jiyue/kernel';
import { getService } from '../utils/get-service';
import { createBody } from '../validation/pretranslate';

export default (_: { strapi: Core.Strapi }) =>
  ({
    async create(ctx) {
      ctx.body = { data: await getService('pretranslate').pretranslate(parseBody(createBody, ctx.request.body)) };
    },
  }) satisfies Core.Controller;
