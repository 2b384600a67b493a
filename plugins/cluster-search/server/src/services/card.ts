import type { Core, UID } from '@strapi/strapi';
import type { IndexDoc } from '../engines/types';
import { foldForSearch, publicView, richTextToText, contentTypeOf } from '@jiyue/kernel';
import { identifierKey } from '../utils/identifier-key';

const GUIDE = 'api::service-guide.service-guide';
const POLICY = 'api::policy.policy';

/** What a card reads of the shared content model (the Document Service's published entries, populated as asked). */
interface Linked {
  documentId: string;
  title?: string;
  name?: string;
  question?: string;
  answer?: unknown;
  onlineEntryUrl?: string | null;
}
interface PolicyEntry extends Linked {
  locale: string;
  title: string;
  documentNumber?: string | null;
  indexNumber?: string | null;
  issuingAuthority?: string | null;
  disclosure?: string | null;
  writtenDate?: string | null;
  summary?: string | null;
  validity?: string | null;
  publishDate?: string | null;
  interpretations?: Linked[];
  serviceGuides?: Linked[];
  faqs?: Linked[];
}
interface GuideEntry extends Linked {
  locale: string;
  name: string;
  aliases?: unknown;
  itemCode?: string;
  summary?: string | null;
  conditions?: unknown;
  implementingBody?: string | null;
  fullyOnline?: boolean | null;
  promisedTimeLimit?: unknown;
  fee?: unknown;
  legalBasis?: PolicyEntry[];
  faqs?: Linked[];
}

const compact = (s: string) => foldForSearch(s).replace(/\s+/g, '');
const short = (text: unknown, max = 200) => {
  const plain = richTextToText(text);
  return plain.length > max ? `${plain.slice(0, max)}…` : plain;
};

/**
 * Knowledge cards (知识卡片): when a query names a service item (name or alias) or a policy, the
 * search answer carries the guide's essentials and the "three across" links (policy ⇄ interpretation
 * ⇄ service guide, plus the FAQ), read published-only from the shared content model.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const indexedDisclosure = () => (strapi.config.get('plugin::cluster-search') as { indexedDisclosure: string[] }).indexedDisclosure;
  const isPublic = (p: PolicyEntry | null | undefined) => publicView(p) !== 'hidden' && (!p?.disclosure || indexedDisclosure().includes(p.disclosure));
  const has = (uid: string) => !!contentTypeOf(strapi, uid);

  const policyBrief = (p: PolicyEntry) => ({ documentId: p.documentId, title: p.title, documentNumber: p.documentNumber ?? null, indexNumber: p.indexNumber ?? null });
  const faqBrief = (f: Linked) => ({ documentId: f.documentId, question: f.question, answer: short(f.answer) });

  const service = {
    /** The card for the hit the query names, or null. */
    async forQuery(q: string, hits: IndexDoc[], locale: string | null) {
      const wanted = compact(q);
      if (wanted.length < 2) return null;
      const key = identifierKey(q.trim());
      const names = (doc: IndexDoc) => [doc.serviceName ?? '', ...doc.aliases].map(compact).filter((n) => n.length >= 2);
      const guide = hits
        .slice(0, 10)
        .find((d) => d.uid === GUIDE && names(d).some((n) => n === wanted || wanted.includes(n) || (n.includes(wanted) && wanted.length >= 2)));
      if (guide) return service.guideCard(guide.documentId, guide.locale);
      const policy = hits
        .slice(0, 3)
        .find(
          (d) =>
            d.uid === POLICY &&
            ((key && (d.documentNumberKey === key || d.indexNumberKey === key)) ||
              (wanted.length >= 4 && compact(d.title).includes(wanted)) ||
              wanted.includes(compact(d.title)))
        );
      if (policy) return service.policyCard(policy.documentId, policy.locale);
      return null;
    },

    async guideCard(documentId: string, locale: string) {
      if (!has(GUIDE)) return null;
      const guide = (await strapi.documents(GUIDE as UID.ContentType).findOne({
        documentId,
        locale,
        status: 'published',
        populate: {
          legalBasis: { populate: { interpretations: true } },
          faqs: true,
        },
      })) as GuideEntry | null;
      if (!guide) return null;
      const policies = (guide.legalBasis ?? []).filter(isPublic);
      return {
        kind: 'service-guide',
        documentId: guide.documentId,
        locale: guide.locale,
        name: guide.name,
        aliases: guide.aliases ?? null,
        itemCode: guide.itemCode,
        summary: guide.summary ?? null,
        conditions: richTextToText(guide.conditions) || null,
        implementingBody: guide.implementingBody ?? null,
        onlineEntryUrl: guide.onlineEntryUrl ?? null,
        fullyOnline: !!guide.fullyOnline,
        promisedTimeLimit: guide.promisedTimeLimit ?? null,
        fee: guide.fee ?? null,
        policies: policies.map(policyBrief),
        interpretations: policies.flatMap((p) => (p.interpretations ?? []).map((i) => ({ documentId: i.documentId, title: i.title, policy: p.documentId }))),
        faqs: (guide.faqs ?? []).map(faqBrief),
      };
    },

    async policyCard(documentId: string, locale: string) {
      const policy = (await strapi.documents(POLICY as UID.ContentType).findOne({
        documentId,
        locale,
        status: 'published',
        populate: { interpretations: true, serviceGuides: true, faqs: true },
      })) as PolicyEntry | null;
      if (!policy || !isPublic(policy)) return null;
      const head = {
        kind: 'policy' as const,
        documentId: policy.documentId,
        locale: policy.locale,
        title: policy.title,
        documentNumber: policy.documentNumber ?? null,
        indexNumber: policy.indexNumber ?? null,
        issuingAuthority: policy.issuingAuthority ?? null,
      };
      // 依申请公开: the card is the catalogue entry, nothing more (no summary, no links into its text).
      if (publicView(policy) === 'catalogue') {
        return { ...head, writtenDate: policy.writtenDate ?? null, disclosure: policy.disclosure, interpretations: [], serviceGuides: [], faqs: [] };
      }
      return {
        ...head,
        summary: policy.summary ?? null,
        validity: policy.validity ?? null,
        publishDate: policy.publishDate ?? null,
        interpretations: (policy.interpretations ?? []).map((i) => ({ documentId: i.documentId, title: i.title })),
        serviceGuides: (policy.serviceGuides ?? []).map((g) => ({ documentId: g.documentId, name: g.name, onlineEntryUrl: g.onlineEntryUrl ?? null })),
        faqs: (policy.faqs ?? []).map(faqBrief),
      };
    },
  };
  return service;
};
