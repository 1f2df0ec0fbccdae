/**
 * What changed between two months, in words: the first sentences of the status text after a step,
 * so a screen reader hears "September 1969: Tripolitania, Cyrenaica and Fezzan now held by RCC
 * (Gaddafi) (before: Kingdom)." rather than the whole state again. Pure; no DOM.
 */
import type { AtlasIndex } from '../records/atlasIndex.ts';
import type { AtlasView } from '../records/view.ts';
import { changesBetween, holdingKey, type Holding } from '../records/changes.ts';
import type { Translator } from '../i18n/i18n.ts';
import { STATUS_CITIES, forceWords } from './statusText.ts';
import { actorShort, placeName } from './names.ts';

/** A holding in words: "LNA (Haftar)", "GNA and LNA (Haftar)", "West: GNU and East: GNS"; `none` when nothing is recorded. */
export function holdingWords(index: AtlasIndex, tr: Translator, h: Holding, none: string): string {
  const who = (id: string) => actorShort(index, tr, id);
  if (h.kind === 'held') return who(h.actor);
  if (h.kind === 'contested') return tr.list(h.actors.map(who));
  if (h.kind === 'divided') return tr.list(h.zones.map((z) => tr.t('status.zone', { zone: placeName(index, tr, z.id), holder: holdingWords(index, tr, z.holding, none) })));
  return none;
}

/** Steps longer than this (a jump, a long drag) are not described as changes: the state follows in full. */
export const MAX_DESCRIBED_STEP = 12;

/**
 * Sentences describing the changes from view `from` to view `to` (empty when nothing changed,
 * when there is no previous view, or when the step is longer than MAX_DESCRIBED_STEP).
 * @example changeSentences(index, tr, viewAt(index, monthIndex(1969, 8)), viewAt(index, monthIndex(1969, 9)))
 *   // ['September 1969:', 'Tripolitania, Cyrenaica and Fezzan now held by RCC (Gaddafi) (before: Kingdom).', …]
 */
export function changeSentences(index: AtlasIndex, tr: Translator, from: AtlasView | null, to: AtlasView, maxStep = MAX_DESCRIBED_STEP): string[] {
  if (from === null || from.t === to.t || Math.abs(to.t - from.t) > maxStep) return [];
  const describe = (h: Holding) => holdingWords(index, tr, h, '');

  const diff = changesBetween(from, to);
  const regionChange = new Map(diff.control.map((c) => [c.id, `${holdingKey(c.before)}>${holdingKey(c.after)}`]));
  // Regions, then the status text's cities where they changed differently from their region.
  const groups = new Map<string, { before: Holding; after: Holding; places: string[] }>();
  for (const c of diff.control) {
    const f = index.features.get(c.id);
    const isRegion = index.regionIds.includes(c.id);
    if (!isRegion) {
      if (!STATUS_CITIES.includes(c.id) || c.after.kind === 'none') continue;
      const region = f && 'region' in f.properties ? f.properties.region : '';
      if (regionChange.get(region) === regionChange.get(c.id)) continue;
    }
    const k = regionChange.get(c.id)!;
    const g = groups.get(k) ?? { before: c.before, after: c.after, places: [] };
    g.places.push(placeName(index, tr, c.id));
    groups.set(k, g);
  }

  const out: string[] = [];
  for (const { before, after, places } of groups.values()) {
    const vars = { places: tr.list(places), from: describe(before), to: describe(after), holders: describe(after) };
    if (after.kind === 'contested') out.push(tr.t('change.nowContested', vars));
    else if (after.kind === 'divided') out.push(tr.t('change.nowDivided', vars));
    else if (after.kind === 'none') out.push(tr.t('change.noRecord', vars));
    else if (before.kind === 'none') out.push(tr.t('change.holdsNew', vars));
    else out.push(tr.t('change.holds', vars));
  }

  const arrived = [...new Set(diff.arrived.map((p) => forceWords(index, tr, p)))];
  const left = [...new Set(diff.left.map((p) => forceWords(index, tr, p)))];
  if (arrived.length > 0) out.push(tr.t('change.forcesIn', { list: arrived.join(tr.t('status.listSep')) }));
  if (left.length > 0) out.push(tr.t('change.forcesOut', { list: left.join(tr.t('status.listSep')) }));

  return out.length > 0 ? [tr.t('change.intro', { date: tr.month(to.t) }), ...out] : [];
}

/**
 * How month b differs from month a, in words, for a comparison: "Between February 2011 and
 * October 2011: Tripoli … now held by NTC (before: Jamahiriya)." (or that nothing differs).
 */
export function compareSentences(index: AtlasIndex, tr: Translator, a: AtlasView, b: AtlasView): string[] {
  const [, ...changed] = changeSentences(index, tr, a, b, Infinity);
  const intro = tr.t('change.between', { a: tr.month(a.t), b: tr.month(b.t) });
  return [intro, ...(changed.length > 0 ? changed : [tr.t('change.nothing')])];
}
