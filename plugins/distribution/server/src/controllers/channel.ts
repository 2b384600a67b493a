import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { validateChannelCreate, validateChannelUpdate } from '../validation';

const id = (ctx: any) => Number(ctx.params.id);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx) {
    ctx.body = { data: await getService('channels').list({ site: ctx.query.site, kind: ctx.query.kind }) };
  },
  async create(ctx) {
    const body = await validateChannelCreate(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('channels').create(body) };
  },
  async update(ctx) {
    const body = await validateChannelUpdate(ctx.request.body);
    ctx.body = { data: await getService('channels').update(id(ctx), body) };
  },
  async remove(ctx) {
    void strapi;
    ctx.body = { data: await getService('channels').remove(id(ctx)) };
  },
});
