/** A service guide's aliases field (one text, separated by commas, 、, semicolons or lines) as a list. */
export const splitAliases = (value: unknown): string[] =>
  typeof value === 'string' ? value.split(/[,，、;；\n]+/u).map((a) => a.trim()).filter(Boolean) : [];
