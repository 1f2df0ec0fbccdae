/** Editor-typed text (an embed's title and caption) made safe to show as one plain line. */

// Control characters, bidirectional embeddings, overrides and isolates (a title must not reorder the
// text around it), line and paragraph separators, the BOM, lone surrogates, and U+FFFE and U+FFFF (not
// characters: XML forbids them, so the Image SVG, the PNG and the no-JavaScript picture would not open).
const UNSAFE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Editor-typed text made safe to show as one plain line: unsafe characters removed, white space
 * collapsed, cut to `max` characters with an ellipsis. Anything not a string gives ''.
 * It is always rendered as text, never as markup: `<b>` stays the four characters `<b>`.
 * @example normalizeText('  Russia\n in Libya\u202e ', 100) // 'Russia in Libya'
 */
export function normalizeText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  const text = value.replace(UNSAFE, '').replace(/[\s\u2028\u2029]+/g, ' ').trim();
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
