import type { Core } from '@strapi/strapi';
import { GLOSSARY_UID } from '../utils/uids';

/** Glossary terms are matched against NFC text, so they are stored NFC whichever keyboard typed them. */
export const glossaryNormalization = (): Parameters<Core.Strapi['documents']['use']>[0] => async (ctx, next) => {
  if (ctx.uid !== GLOSSARY_UID || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
  const data = (ctx.params as { data?: Record<string, unknown> }).data;
  for (const field of ['zh', 'bo'] as const) {
    if (data && typeof data[field] === 'string') data[field] = (data[field] as string).normalize('NFC').trim();
  }
  return next();
};
