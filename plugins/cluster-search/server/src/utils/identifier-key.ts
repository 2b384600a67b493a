import { foldForSearch } from '@jiyue/kernel';

/**
 * The comparable form of a document number (发文字号) or index number (索引号): normalised, with every
 * kind of bracket and space dropped, so 甘府发〔2023〕12号, 甘府发[2023]12号 and 甘府发（2023）12号 agree.
 */
export const identifierKey = (value: unknown): string | null => {
  if (typeof value !== 'string' || !value.trim()) return null;
  const key = foldForSearch(value).replace(/[\s〔〕[\]()（）【】{}]/gu, '');
  return key.length >= 4 ? key : null;
};
