import { richTextToText, sanitizeRichText, truncate as truncateText } from '@jiyue/kernel';
import type { Core } from '@strapi/strapi';
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { fetchOutbound } from '../adapters/http';
import { pluginConfig } from '../utils/get-service';
import { wechatHtml } from '../utils/wechat-html';
import type { Snapshot } from './outbox';

/** Image renditions per channel (WeChat cover 2.35:1 and square thumbnail, a Weibo picture). */
export const RENDITIONS = {
  'wechat-cover': { width: 900, height: 383, format: 'jpeg' as const },
  'wechat-thumb': { width: 200, height: 200, format: 'jpeg' as const },
  'weibo-image': { width: 1080, height: 1080, format: 'webp' as const, fit: 'inside' as const },
};
export type RenditionName = keyof typeof RENDITIONS;

/** Weibo counts a link as a fixed number of characters whatever its length. */
const WEIBO_LINK_WEIGHT = 12;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cacheDir = () => path.resolve(strapi.dirs.app.root, pluginConfig('renditionCacheDir'));

  /** Channels count user-perceived characters; the kernel's cut never splits one, nor a Tibetan syllable. */
  const truncate = (text: string, maxChars: number) => truncateText(text, maxChars, { count: 'graphemes' });
  /**
   * Readable text of a field (HTML or markdown): one line per block. The web allow list runs first, so
   * what the text extractor reads is markup a parser already judged (an unbalanced `<scr<script>` or
   * the inside of an `iframe srcdoc` never reaches a post as text).
   */
  const toPlainText = (value: unknown) => richTextToText(sanitizeRichText(String(value ?? ''), 'web'), { lines: true });

  return {
    /**
     * A rendition of `source`, cached on disk by (content hash, rendition): the second request for
     * the same image and channel costs a file read.
     */
    async rendition(source: Buffer, name: RenditionName) {
      const spec: { width: number; height: number; format: 'jpeg' | 'webp'; fit?: 'inside' } = RENDITIONS[name];
      const key = crypto.createHash('sha256').update(source).update(JSON.stringify(spec)).digest('hex').slice(0, 32);
      const file = path.join(cacheDir(), `${key}-${name}.${spec.format === 'jpeg' ? 'jpg' : spec.format}`);
      if (fs.existsSync(file)) return { buffer: fs.readFileSync(file), file, cached: true, ...spec };
      const sharp = require('sharp');
      const pipeline = sharp(source).rotate().resize(spec.width, spec.height, { fit: spec.fit ?? 'cover', position: 'attention', withoutEnlargement: false });
      const buffer: Buffer = spec.format === 'jpeg' ? await pipeline.jpeg({ quality: 82, mozjpeg: true }).toBuffer() : await pipeline.webp({ quality: 80 }).toBuffer();
      fs.mkdirSync(cacheDir(), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, buffer);
      fs.renameSync(tmp, file);
      return { buffer, file, cached: false, ...spec };
    },

    /** The item's cover as the channel wants it; a plain branded cover when the item has none. */
    async coverFor(snapshot: Snapshot, name: RenditionName) {
      let source: Buffer | null = null;
      const url = snapshot?.cover?.url;
      if (url?.startsWith('/')) {
        const local = path.join(strapi.dirs.static.public, url);
        if (fs.existsSync(local)) source = fs.readFileSync(local);
      } else if (url && /^https?:/.test(url)) {
        // Through the outbound agent: a cover URL pointing inside the network is refused (then the plain cover is used).
        const res = await fetchOutbound(url, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
        if (res?.ok) source = Buffer.from(await res.arrayBuffer());
      }
      if (!source) {
        const sharp = require('sharp');
        source = await sharp({ create: { width: 900, height: 383, channels: 3, background: '#b5121b' } }).png().toBuffer();
      }
      return this.rendition(source!, name);
    },

    /** WeChat: inline-styled, sanitized HTML; digest within WeChat's 120 characters. */
    wechat(snapshot: Snapshot, { author }: { author?: string } = {}) {
      const f = snapshot.fields;
      const summary = f.summary ? toPlainText(String(f.summary)) : toPlainText(String(f.body ?? ''));
      return {
        title: truncate(toPlainText(String(f.title ?? '')), 64),
        author: truncate(String(author ?? f.author ?? f.source ?? f.issuingAuthority ?? ''), 16),
        digest: truncate(summary, 120),
        content: wechatHtml(String(f.body ?? f.summary ?? '')),
      };
    },

    /** Weibo: plain text within `maxChars` (the link counted at Weibo's fixed weight), then the link. */
    weibo(snapshot: Snapshot, maxChars: number) {
      const f = snapshot.fields;
      const title = toPlainText(String(f.title ?? ''));
      const summary = toPlainText(String(f.summary ?? f.body ?? ''));
      const text = summary ? `【${title}】${summary}` : title;
      return `${truncate(text.replace(/\s+/g, ' '), maxChars - WEIBO_LINK_WEIGHT - 1)} ${snapshot.url}`;
    },
  };
};
