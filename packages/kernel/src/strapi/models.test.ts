import type { Core, Schema } from '@strapi/strapi';
import { attributesOf, contentTypeOf, isClusterType, isLocalizedType, modelOf, targetOf, type ModelAttribute, type ModelHost } from './models';

// Schemas as Strapi registers them (the parts these lookups read), held in two registries like Strapi's own.
const article = {
  uid: 'api::article.article',
  modelType: 'contentType',
  kind: 'collectionType',
  info: { singularName: 'article', pluralName: 'articles', displayName: 'Article' },
  options: { draftAndPublish: true },
  pluginOptions: { i18n: { localized: true }, 'site-group': { enabled: true } },
  attributes: {
    title: { type: 'string', pluginOptions: { i18n: { localized: true } } },
    author: { type: 'relation', relation: 'manyToOne', target: 'api::author.author' },
    related: { type: 'relation', relation: 'morphToMany' },
    seo: { type: 'component', component: 'shared.seo', repeatable: false },
  },
} as unknown as Schema.ContentType;
const author = { uid: 'api::author.author', modelType: 'contentType', pluginOptions: { i18n: { localized: false } }, attributes: { name: { type: 'string' } } } as unknown as Schema.ContentType;
const seo = { uid: 'shared.seo', modelType: 'component', attributes: { metaTitle: { type: 'string' } } } as unknown as Schema.Component;

const registry: Record<string, Schema.ContentType | Schema.Component> = { [article.uid]: article, [author.uid]: author, [seo.uid]: seo };
const host: ModelHost = {
  contentType: (uid) => (registry[uid]?.modelType === 'contentType' ? (registry[uid] as Schema.ContentType) : undefined),
  getModel: (uid) => registry[uid],
};

describe('model lookups by a run-time uid', () => {
  it('finds a content type, and nothing for a component or an unknown uid', () => {
    expect(contentTypeOf(host, 'api::article.article')).toBe(article);
    expect(contentTypeOf(host, 'shared.seo')).toBeUndefined();
    expect(contentTypeOf(host, 'api::nope.nope')).toBeUndefined();
  });

  it('finds a content type or a component as getModel does', () => {
    expect(modelOf(host, 'api::author.author')).toBe(author);
    expect(modelOf(host, 'shared.seo')).toBe(seo);
    expect(modelOf(host, 'api::nope.nope')).toBeUndefined();
  });

  it('gives the attributes of a content type or component, none for an unknown uid', () => {
    expect(Object.keys(attributesOf(host, 'api::article.article'))).toEqual(['title', 'author', 'related', 'seo']);
    expect(Object.keys(attributesOf(host, 'shared.seo'))).toEqual(['metaTitle']);
    expect(attributesOf(host, 'api::nope.nope')).toEqual({});
  });

  it("reads a relation's target; none for a polymorphic relation or another kind", () => {
    const attributes = attributesOf(host, 'api::article.article');
    expect(targetOf(attributes.author)).toBe('api::author.author');
    expect(targetOf(attributes.related)).toBeUndefined();
    expect(targetOf(attributes.title)).toBeUndefined();
    expect(targetOf(attributes.seo)).toBeUndefined();
    expect(targetOf(undefined)).toBeUndefined();
    expect(targetOf({ type: 'relation', relation: 'oneToOne', target: 'api::x.x' } as ModelAttribute)).toBe('api::x.x');
  });

  it('a Strapi instance is a host (typed only: no Strapi is booted here)', () => {
    const asHost = (strapi: Core.Strapi): ModelHost => strapi;
    expect(typeof asHost).toBe('function');
  });
});

describe('the opt-ins read off a schema', () => {
  it('localized: i18n.localized exactly true', () => {
    expect(isLocalizedType(article)).toBe(true);
    expect(isLocalizedType(author)).toBe(false);
    expect(isLocalizedType(seo)).toBe(false);
    expect(isLocalizedType({ pluginOptions: { i18n: { localized: 'true' } } })).toBe(false);
    expect(isLocalizedType(undefined)).toBe(false);
    expect(isLocalizedType(null)).toBe(false);
  });

  it("in the cluster: site-group's enabled exactly true", () => {
    expect(isClusterType(article)).toBe(true);
    expect(isClusterType(author)).toBe(false);
    expect(isClusterType({ pluginOptions: { 'site-group': { enabled: 1 } } })).toBe(false);
    expect(isClusterType({ pluginOptions: { 'site-group': null } })).toBe(false);
    expect(isClusterType(undefined)).toBe(false);
  });
});
