/**
 * The key to the map at a month, made from the view and the encoding: only what the map shows that
 * month, each swatch drawn with the very colours and symbols the map draws (a region's fill as it
 * shows over the land, a contest's real stripes, a force's own symbol). The legend in the page, the
 * compact one under the map and the images' legend all draw these entries.
 */
import type { AtlasIndex } from '../records/atlasIndex.ts';
import type { AtlasView } from '../records/view.ts';
import type { Layers } from '../state/layers.ts';
import { ARC, CLAIM_EDGE, PALETTE, UNCERTAIN_EDGE, actorColor, forceFamily, forceLook, forceSize, hatchPixel, hexToRgb, isRussianForce, regionFill, type ForceLook } from './encoding.ts';
import { forceGroupSvg, forceSymbolSvg, type ForceSymbol } from './symbols.ts';
import type { Translator } from '../i18n/i18n.ts';
import { actorShort } from '../words/names.ts';

/** A swatch's box (px); every entry's `swatch` is SVG markup for a viewBox of this size. */
export const SWATCH = { w: 24, h: 16 };

export type LegendKind = 'holder' | 'contested' | 'claim' | 'uncertain' | 'force' | 'hollow' | 'stale' | 'group' | 'arc';

export interface LegendEntry {
  kind: LegendKind;
  /** The actor, for holders, claimants and forces. */
  actor?: string;
  /** The colour a reader matches on the map: a fill as drawn over the land, a force's colour. */
  color?: string;
  swatch: string;
  /** Several forces at one place: the two symbols its swatch shows (the images draw them at the map's scale). */
  symbols?: (ForceSymbol & { size: number })[];
}

const num = (n: number) => (Math.round(n * 10) / 10).toString();
const rect = (fill: string, extra = '') => `<rect x="0.5" y="0.5" width="${SWATCH.w - 1}" height="${SWATCH.h - 1}" fill="${fill}" stroke="#8a8a8a" stroke-width="1"${extra}/>`;

/** The contest's stripes over the holder's fill, pixel for pixel as the map's hatch (encoding.ts hatchPixel). */
function hatchSwatch(fill: string, stripes: string[]): string {
  const rgbs = stripes.map(hexToRgb);
  const px: string[] = [];
  for (let y = 1; y < SWATCH.h - 1; y++) {
    for (let x = 1; x < SWATCH.w - 1; x++) {
      const [r, g, b, a] = hatchPixel(rgbs, x, y);
      if (a > 0) px.push(`<rect x="${x}" y="${y}" width="1" height="1" fill="rgb(${r},${g},${b})"${a < 255 ? ` fill-opacity="${num(a / 255)}"` : ''}/>`);
    }
  }
  return rect(fill) + px.join('');
}

/** A dashed or dotted band inside the swatch's edge, as the map draws it inside an area's edge. */
const band = (color: string, width: number, dash: readonly number[]) =>
  `<rect x="${num(width / 2 + 0.5)}" y="${num(width / 2 + 0.5)}" width="${num(SWATCH.w - width - 1)}" height="${num(SWATCH.h - width - 1)}" fill="none" stroke="${color}" stroke-width="${width}" stroke-dasharray="${dash.join(' ')}"/>`;

/**
 * The legend of a view: authorities holding territory (control layer), the marks of contest, claim
 * and uncertainty that the map shows this month, then the foreign forces present (presence layer),
 * Soviet and Russian first, the looks of the symbols in use (hollow, last reported, several at one
 * place) and the diplomatic arcs (diplomacy layer).
 * @example legendOf(index, viewAt(index, monthIndex(2020, 6)), ALL_LAYERS).map((e) => e.kind)
 */
export function legendOf(index: AtlasIndex, view: AtlasView, layers: Layers): LegendEntry[] {
  const out: LegendEntry[] = [];
  const color = (id: string) => actorColor(index.actors.get(id));
  if (layers.control) {
    // Authorities whose fill or dot is on the map: the holders of what is drawn, and the parties of its contests.
    const areas = [...view.regions.flatMap((r) => (r.zones.length > 0 ? r.zones : [r])), ...view.places];
    const filled = view.regions.flatMap((r) => (r.zones.length > 0 ? r.zones : [r]));
    const onAreas = new Set(filled.flatMap((a) => a.parties));
    for (const id of [...new Set(areas.flatMap((a) => a.parties))]) {
      // An authority that holds only places is seen as their dots' colour; one that holds land, as its fill.
      if (onAreas.has(id)) out.push({ kind: 'holder', actor: id, color: regionFill(color(id)), swatch: rect(regionFill(color(id))) });
      else out.push({ kind: 'holder', actor: id, color: color(id), swatch: `<circle cx="${SWATCH.w / 2}" cy="${SWATCH.h / 2}" r="6" fill="${color(id)}" stroke="#fff" stroke-width="2"/><circle cx="${SWATCH.w / 2}" cy="${SWATCH.h / 2}" r="7" fill="none" stroke="#333" stroke-width="1"/>` });
    }
    const contested = areas.find((a) => a.contested && a.holder && a.parties.some((p) => p !== a.holder));
    if (contested) {
      const stripes = contested.parties.filter((p) => p !== contested.holder).map(color);
      out.push({ kind: 'contested', swatch: hatchSwatch(regionFill(color(contested.holder!)), stripes) });
    }
    for (const id of [...new Set(areas.flatMap((a) => a.claims))]) {
      const holder = areas.find((a) => a.claims.includes(id))?.holder;
      out.push({ kind: 'claim', actor: id, color: color(id), swatch: rect(holder ? regionFill(color(holder)) : PALETTE.libyaLand) + band(color(id), CLAIM_EDGE.width, CLAIM_EDGE.dash) });
    }
    if (areas.some((a) => a.uncertain || a.lastReported)) out.push({ kind: 'uncertain', swatch: rect(PALETTE.libyaLand) + band(UNCERTAIN_EDGE.color, 3, UNCERTAIN_EDGE.dash) });
  }
  if (layers.presence && view.forces.length > 0) {
    const actors = [...new Set(view.forces.map((f) => f.presence.actor))].sort((a, b) => Number(isRussianForce(b)) - Number(isRussianForce(a)));
    for (const id of actors) {
      out.push({ kind: 'force', actor: id, color: color(id), swatch: forceSymbolSvg({ family: forceFamily(id), color: color(id), look: 'solid' }, SWATCH.w / 2, SWATCH.h / 2, Math.min(forceSize(id), SWATCH.h)) });
    }
    const looks = new Set<ForceLook>(view.forces.map((f) => forceLook(f.presence.status, f.lastReported)));
    const sample = (look: ForceLook) => forceSymbolSvg({ family: 'other', color: '#555555', look }, SWATCH.w / 2, SWATCH.h / 2, 13);
    if (looks.has('hollow')) out.push({ kind: 'hollow', swatch: sample('hollow') });
    if (looks.has('stale')) out.push({ kind: 'stale', swatch: sample('stale') });
    const perPlace = new Map<string, number>();
    for (const f of view.forces) perPlace.set(f.presence.place, (perPlace.get(f.presence.place) ?? 0) + 1);
    if ([...perPlace.values()].some((n) => n > 1)) {
      const two = view.forces.slice(0, 2).map((f) => ({ family: forceFamily(f.presence.actor), color: color(f.presence.actor), look: 'solid' as const, size: 12 }));
      out.push({ kind: 'group', symbols: two, swatch: `<g transform="translate(-8,-4) scale(0.8)">${forceGroupSvg(two, 40, 24)}</g>` });
    }
  }
  if (layers.diplomacy && view.arcs.length > 0) {
    const dashed = view.arcs.some((a) => a.event.status !== 'confirmed');
    out.push({ kind: 'arc', swatch: `<path d="M1 ${SWATCH.h / 2}H${SWATCH.w - 1}" stroke="${PALETTE.arc}" stroke-width="${ARC.current.width}" stroke-linecap="round"${dashed ? ` stroke-dasharray="${ARC.unconfirmedDash.map((d) => d * ARC.current.width).join(' ')}"` : ''}/>` });
  }
  return out;
}

/** An entry's words: the actor's short name, or what the mark means (shorter in the compact strip). */
export function legendLabel(e: LegendEntry, index: AtlasIndex, tr: Translator, compact = false): string {
  const short = e.actor ? actorShort(index, tr, e.actor) : '';
  switch (e.kind) {
    case 'holder':
    case 'force':
      return short;
    case 'claim': return tr.t(compact ? 'legend.claimShort' : 'legend.claim', { actor: short });
    case 'contested': return tr.t(compact ? 'legend.contestedShort' : 'legend.contested');
    case 'uncertain': return tr.t(compact ? 'legend.uncertainShort' : 'legend.uncertain');
    case 'hollow': return tr.t(compact ? 'legend.presenceShort' : 'legend.presence');
    case 'stale': return tr.t(compact ? 'legend.staleShort' : 'legend.stale');
    case 'group': return tr.t('legend.group');
    case 'arc': return tr.t(compact ? 'legend.diplomacyShort' : 'legend.diplomacy');
  }
}
