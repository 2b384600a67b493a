/** Unicode NFC: Tibetan typed on different keyboards (decomposed vowel signs, stacks) is stored one way. */
export const normalize = (text: string): string => (typeof text === 'string' ? text.normalize('NFC') : text);
