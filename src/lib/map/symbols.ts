/**
 * The map's symbols as SVG strings: a place's dot and a foreign force's symbol. The HTML markers
 * over the map, the legend and the images (svgMap.ts) all draw them with these functions, so the
 * legend shows the very symbol the map shows. Presentation attributes only (no style attributes),
 * so the strings can be inserted under a strict Content-Security-Policy.
 */
import { CLAIM_EDGE, FORCE_OUTLINE, FORCE_SHAPE, STALE, blend, forcePaint, rgbToHex, type ForceFamily, type ForceLook } from './encoding.ts';

const num = (n: number) => (Math.round(n * 10) / 10).toString();

export interface ForceSymbol {
  family: ForceFamily;
  color: string;
  look: ForceLook;
}

/**
 * A force's symbol centred on (x, y), `size` px across: its shape in its colour (hollow when only
 * alleged, faded with a dashed edge when last reported long ago), on a white ring with a dark edge.
 */
export function forceSymbolSvg(f: ForceSymbol, x: number, y: number, size = 16): string {
  const k = size / 16;
  const paint = forcePaint(f.color, f.look);
  const at = `transform="translate(${num(x)},${num(y)}) scale(${num(k)})" d="${FORCE_SHAPE[f.family]}"`;
  // The edge: a dark stroke under the symbol's own stroke, so it reads on any fill and any colour.
  const edge = `<path ${at} fill="none" stroke="${FORCE_OUTLINE.dark}" stroke-width="${num((paint.strokeWidth + 2 * FORCE_OUTLINE.darkWidth) / k)}" stroke-linejoin="round"/>`;
  const dash = paint.dash ? ` stroke-dasharray="${paint.dash.map((d) => num(d / k)).join(' ')}"` : '';
  return `${edge}<path ${at} fill="${paint.fill}" stroke="${paint.stroke}" stroke-width="${num(paint.strokeWidth / k)}" stroke-linejoin="round"${dash}/>`;
}

/** Several forces at one place: the first two symbols side by side and their number. `w` × `h` is the box. */
export function forceGroupSvg(list: (ForceSymbol & { size: number })[], w: number, h: number): string {
  const small = (f: ForceSymbol & { size: number }) => Math.min(f.size, 16);
  const shown = list.slice(0, 2);
  const parts = shown
    .map((f, i) => forceSymbolSvg(f, i === 0 ? 11 : 23, h / 2 + 1, small(f)))
    .reverse();
  return `${parts.join('')}<circle cx="${num(w - 6)}" cy="7" r="6.5" fill="#111" stroke="#fff" stroke-width="1"/><text x="${num(w - 6)}" y="10.5" text-anchor="middle" font-size="10" font-weight="700" fill="#fff">${list.length}</text>`;
}

export interface DotLook {
  at: [number, number];
  kind: string;
  color: string;
  /** Colours of the other parties of an armed contest (a pie on a city's dot, a stroke on a base's). */
  stripes: string[];
  /** Colours of rival claimants without armed contest: a dotted ring. */
  claims: string[];
  uncertain: boolean;
  /** Who holds it was last reported long ago: the dot is faded. */
  stale: boolean;
}

/** A place's dot: the holder's colour, a pie of the parties when contested, a dashed ring when uncertain, a dotted ring per claimant, faded when last reported long ago. */
export function dotSvg(m: DotLook): string {
  const [x, y] = m.at;
  const square = m.kind !== 'city';
  const r = square ? 5 : 6;
  const fill = m.stale ? rgbToHex(blend(m.color, STALE.opacity, '#ffffff')) : m.color;
  const colors = [fill, ...m.stripes];
  let body: string;
  if (colors.length === 1 || square) {
    body = square
      ? `<rect x="${num(x - r)}" y="${num(y - r)}" width="${2 * r}" height="${2 * r}" rx="1.5" fill="${fill}" stroke="#fff" stroke-width="2"/>`
      : `<circle cx="${num(x)}" cy="${num(y)}" r="${r}" fill="${fill}" stroke="#fff" stroke-width="2"/>`;
    if (square && m.stripes.length > 0) body += `<path d="M${num(x - r)},${num(y + r)}L${num(x + r)},${num(y - r)}" stroke="${m.stripes[0]}" stroke-width="3"/>`;
  } else {
    body = colors
      .map((c, i) => {
        const a0 = (2 * Math.PI * i) / colors.length - Math.PI / 2;
        const a1 = (2 * Math.PI * (i + 1)) / colors.length - Math.PI / 2;
        const p = (a: number) => `${num(x + r * Math.cos(a))},${num(y + r * Math.sin(a))}`;
        return `<path d="M${num(x)},${num(y)}L${p(a0)}A${r},${r} 0 ${a1 - a0 > Math.PI ? 1 : 0} 1 ${p(a1)}Z" fill="${c}"/>`;
      })
      .join('') + `<circle cx="${num(x)}" cy="${num(y)}" r="${r}" fill="none" stroke="#fff" stroke-width="2"/>`;
  }
  const dashed = m.uncertain || m.stale;
  const ring = square
    ? `<rect x="${num(x - r - 1)}" y="${num(y - r - 1)}" width="${2 * r + 2}" height="${2 * r + 2}" rx="2" fill="none" stroke="#333" stroke-width="1"${dashed ? ' stroke-dasharray="2 2"' : ''}/>`
    : `<circle cx="${num(x)}" cy="${num(y)}" r="${r + 1}" fill="none" stroke="#333" stroke-width="${dashed ? 1.5 : 1}"${dashed ? ' stroke-dasharray="2.5 2"' : ''}/>`;
  const claims = m.claims
    .map((c, i) => `<circle cx="${num(x)}" cy="${num(y)}" r="${r + 3.5 + i * 3}" fill="none" stroke="${c}" stroke-width="2" stroke-dasharray="${CLAIM_EDGE.dash.join(' ')}"/>`)
    .join('');
  return body + ring + claims;
}

/** The small dot of a place that shares its cluster's button: where it is, in its holder's colour. */
export function memberDotSvg(d: { at: [number, number]; color: string; kind: string }): string {
  const [x, y] = d.at;
  return d.kind === 'city'
    ? `<circle cx="${num(x)}" cy="${num(y)}" r="4" fill="${d.color}" stroke="#fff" stroke-width="1.5"/><circle cx="${num(x)}" cy="${num(y)}" r="5" fill="none" stroke="#333" stroke-width="0.75"/>`
    : `<rect x="${num(x - 3.5)}" y="${num(y - 3.5)}" width="7" height="7" rx="1" fill="${d.color}" stroke="#fff" stroke-width="1.5"/><rect x="${num(x - 4.5)}" y="${num(y - 4.5)}" width="9" height="9" rx="1.5" fill="none" stroke="#333" stroke-width="0.75"/>`;
}

/** A leader line from a place's dot to its name set apart. */
export function leaderSvg([x1, y1, x2, y2]: readonly number[]): string {
  return `<line x1="${num(x1!)}" y1="${num(y1!)}" x2="${num(x2!)}" y2="${num(y2!)}" stroke="#ffffff" stroke-width="3" stroke-linecap="round"/><line x1="${num(x1!)}" y1="${num(y1!)}" x2="${num(x2!)}" y2="${num(y2!)}" stroke="#333333" stroke-width="1" stroke-linecap="round"/>`;
}
