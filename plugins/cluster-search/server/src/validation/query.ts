import { yup, validateYupSchema, errors } from '@strapi/utils';

/** Unknown keys are refused with their path (yup would drop them silently), then values are cast and checked. */
export const strictValidator = <T>(schema: yup.AnyObjectSchema, { singleValues = true } = {}) => {
  const validate = validateYupSchema(schema, { strict: false, abortEarly: false });
  return async (input: unknown): Promise<T> => {
    const value = (input ?? {}) as Record<string, unknown>;
    const unknown = Object.keys(value).filter((k) => !Object.hasOwn(schema.fields, k));
    if (unknown.length) {
      throw new errors.ValidationError(`unknown parameter(s): ${unknown.join(', ')}`, {
        errors: unknown.map((k) => ({ path: [k], message: 'is not a known parameter', name: 'ValidationError', value: value[k] })),
      });
    }
    const repeated = Object.keys(value).filter((k) => singleValues).filter((k) => typeof value[k] === 'object' && value[k] !== null);
    if (repeated.length) {
      throw new errors.ValidationError(`parameter(s) given more than once or as objects: ${repeated.join(', ')}`, {
        errors: repeated.map((k) => ({ path: [k], message: 'must be a single value', name: 'ValidationError' })),
      });
    }
    return (await validate(value)) as T;
  };
};

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const date = (name: string) =>
  yup
    .string()
    .matches(DATE, `${name} must be a date (YYYY-MM-DD)`)
    .test('valid', `${name} is not a real date`, (v) => !v || (!Number.isNaN(Date.parse(v)) && new Date(`${v.slice(0, 10)}T00:00:00Z`).toISOString().slice(0, 10) === v.slice(0, 10)));
const code = (name: string) => yup.string().trim().matches(/^[\w.-]{1,64}$/, `${name} must be a site or locale code`);
const text = (max: number) => yup.string().trim().max(max);

export interface SearchParams {
  q?: string;
  scope?: 'site' | 'subtree' | 'cluster';
  site?: string;
  locale?: string;
  fallback?: string;
  type?: string;
  theme?: string;
  authority?: string;
  region?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
  sort: 'relevance' | 'date:desc' | 'date:asc';
}

// One validator per page-size limit: building the yup schema costs more than validating with it.
const searchValidators = new Map<number, (input: unknown) => Promise<SearchParams>>();
export const searchQuery = (maxPageSize: number) => {
  let validator = searchValidators.get(maxPageSize);
  if (!validator) searchValidators.set(maxPageSize, (validator = searchValidator(maxPageSize)));
  return validator;
};

const searchValidator = (maxPageSize: number) =>
  strictValidator<SearchParams>(
    yup.object({
      q: text(100),
      scope: yup.string().oneOf(['site', 'subtree', 'cluster'], 'scope must be site, subtree or cluster'),
      site: code('site'),
      locale: code('locale'),
      fallback: code('fallback'),
      type: text(200),
      theme: text(100),
      authority: text(200),
      region: yup.string().matches(/^\d{6}$/, 'region must be a 6-digit region code (GB/T 2260)'),
      from: date('from'),
      to: date('to'),
      page: yup.number().typeError('page must be a whole number').integer('page must be a whole number').min(1, 'page must be at least 1').max(1000, 'page must be at most 1000').default(1),
      pageSize: yup
        .number()
        .typeError('pageSize must be a whole number')
        .integer('pageSize must be a whole number')
        .min(1, 'pageSize must be at least 1')
        .max(maxPageSize, `pageSize must be at most ${maxPageSize}`)
        .default(10),
      sort: yup.string().oneOf(['relevance', 'date:desc', 'date:asc'], 'sort must be relevance, date:desc or date:asc').default('relevance'),
    })
  );

export const suggestQuery = strictValidator<{ q: string; locale?: string; limit: number }>(
  yup.object({
    q: text(50).required('q is required').min(1, 'q is required'),
    locale: code('locale'),
    limit: yup.number().typeError('limit must be a whole number').integer('limit must be a whole number').min(1).max(20).default(8),
  })
);

export const analyticsQuery = strictValidator<{ site?: string; days: number; limit: number }>(
  yup.object({
    site: code('site'),
    days: yup.number().typeError('days must be a whole number').integer().min(1).max(3650).default(30),
    limit: yup.number().typeError('limit must be a whole number').integer().min(1).max(200).default(20),
  })
);

const terms = yup
  .array()
  .of(yup.string().trim().min(1, 'a term cannot be empty').max(50, 'a term has at most 50 characters').required())
  .min(2, 'a synonym group needs at least 2 terms')
  .max(20, 'a synonym group has at most 20 terms');

export const synonymCreateBody = strictValidator<{ terms: string[]; note?: string }>(
  yup.object({ terms: terms.required('terms is required'), note: yup.string().max(200).nullable() }),
  { singleValues: false }
);
export const synonymUpdateBody = strictValidator<{ terms?: string[]; note?: string }>(yup.object({ terms, note: yup.string().max(200).nullable() }), {
  singleValues: false,
});

export const suggestTermsQuery = strictValidator<{ locale?: string }>(yup.object({ locale: code('locale') }));

export const suggestTermBody = strictValidator<{ term: string; locale: string; note?: string | null }>(
  yup.object({
    term: text(50).required('term is required').min(1, 'term is required'),
    locale: code('locale').required('locale is required'),
    note: yup.string().max(200).nullable(),
  })
);
