import { fieldProblem, throwFieldErrors, type FieldError } from '@jiyue/kernel';

const TEXT_MAX = 200;

/**
 * Checks and normalises the `translations` JSON of a site or column:
 * `{ "<locale>": { "name": "...", "sponsor"?: "..." } }`, with every locale a configured Strapi
 * locale other than the primary one. Text is normalised to NFC (Tibetan is often typed decomposed).
 */
export const validateTranslations = (
  value: unknown,
  { locales, primaryLocale, fields }: { locales: string[]; primaryLocale: string; fields: string[] }
) => {
  if (value === null || value === undefined) return value;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throwFieldErrors([fieldProblem(['translations'], 'must be an object keyed by locale, e.g. { "bo": { "name": "..." } }', value)]);
  }

  const problems: FieldError[] = [];
  const normalised: Record<string, Record<string, string>> = {};
  const secondary = locales.filter((l) => l !== primaryLocale);

  for (const [locale, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!secondary.includes(locale)) {
      problems.push(fieldProblem(['translations', locale], `not a secondary locale of this cluster (known: ${secondary.join(', ')})`, entry));
      continue;
    }
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push(fieldProblem(['translations', locale], 'must be an object such as { "name": "..." }', entry));
      continue;
    }
    normalised[locale] = {};
    for (const [field, text] of Object.entries(entry as Record<string, unknown>)) {
      if (!fields.includes(field)) {
        problems.push(fieldProblem(['translations', locale, field], `unknown field; allowed: ${fields.join(', ')}`, text));
      } else if (typeof text !== 'string' || !text.trim() || text.length > TEXT_MAX) {
        problems.push(fieldProblem(['translations', locale, field], `must be a non-empty string of at most ${TEXT_MAX} characters`, text));
      } else {
        normalised[locale][field] = text.trim().normalize('NFC');
      }
    }
    if (!normalised[locale].name) problems.push(fieldProblem(['translations', locale, 'name'], 'is required'));
  }

  throwFieldErrors(problems);
  return normalised;
};
