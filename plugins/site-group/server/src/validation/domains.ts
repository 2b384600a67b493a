import { fieldProblem, throwFieldErrors } from '@jiyue/kernel';

// Host names only (no scheme, path or port); Chinese IDN labels such as 甘孜.政务 are allowed.
const HOST = /^(?=.{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u;

export const validateDomains = (value: unknown): string[] | null => {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) {
    throwFieldErrors([fieldProblem(['domains'], 'must be a list of host names, e.g. ["www.gzz.gov.cn"]', value)]);
  }
  const list = value as unknown[];
  throwFieldErrors(
    list.flatMap((d, i) =>
      typeof d === 'string' && HOST.test(d.trim().toLowerCase())
        ? []
        : [fieldProblem(['domains', String(i)], 'must be a host name without scheme, path or port', d)]
    )
  );
  return [...new Set(list.map((d) => (d as string).trim().toLowerCase()))];
};
