/**
 * At most `maxChars` user-perceived characters (grapheme clusters), with an ellipsis when cut. A
 * grapheme boundary never splits a surrogate pair or a Tibetan stack; at a tsheg (་) or space we
 * prefer to cut on it so a Tibetan syllable stays whole.
 */
export const truncateGraphemes = (text: string, maxChars: number, ellipsis = '…'): string => {
  const graphemes = [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
  if (graphemes.length <= maxChars) return text;
  const room = Math.max(0, maxChars - [...ellipsis].length);
  let cut = room;
  // Tibetan: back off to the last syllable end (tsheg or shad) when the cut falls inside a syllable.
  const isTibetan = (g: string | undefined) => !!g && /[\u0F00-\u0FFF]/.test(g);
  if (isTibetan(graphemes[cut]) && isTibetan(graphemes[cut - 1])) {
    let i = cut;
    while (i > 0 && !/[\u0F0B\u0F0D\s]/.test(graphemes[i - 1])) i--;
    if (i > 0) cut = i;
  }
  return graphemes.slice(0, cut).join('') + ellipsis;
};
