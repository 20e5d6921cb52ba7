/**
 * A light English stemmer: enough to make "fire", "fired", "fires" and "firing" one term,
 * and "resigns" and "resigned" another, without the over-reach of a full Porter stemmer on
 * names and short words. It only has to be consistent: stems are compared, never shown.
 */

const VOWEL = /[aeiouy]/;

/** The stem of a lower-case English word. */
export function stem(word: string): string {
  let w = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 5) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith("ing") && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = w.slice(0, -3);
  else if (w.endsWith("ed") && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = w.slice(0, -2);
  // "stepped" → "stepp" → "step"; "fire" and "fired" both → "fir".
  if (/([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith("e") && w.length > 3) w = w.slice(0, -1);
  return w;
}
