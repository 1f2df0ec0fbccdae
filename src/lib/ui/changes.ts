/**
 * What changed between two months, in words: the first sentence of the status text after a step,
 * so a screen reader hears "September 1969: Tripolitania, Cyrenaica and Fezzan now held by RCC
 * (Gaddafi) (before: Kingdom)." rather than the whole state again. Pure; no DOM.
 */
import { controlAt, presenceAt, type AtlasIndex, type ControlState } from '../records/selectors.ts';
import type { Translator } from '../i18n/i18n.ts';
import { STATUS_CITIES, actorShort, placeName, regionOf } from './statusText.ts';

/** Steps longer than this (a jump, a long drag) are not described as changes: the state follows in full. */
export const MAX_DESCRIBED_STEP = 12;

type Holding = { kind: 'none' } | { kind: 'held'; actor: string } | { kind: 'contested'; actors: string[] };

function holding(c: ControlState): Holding {
  if (!c.current) return { kind: 'none' };
  if (c.contested) {
    const actors = new Set<string>();
    for (const p of c.periods.filter((p) => p.contested)) {
      actors.add(p.actor);
      for (const a of p.contestedBy ?? []) actors.add(a);
    }
    return { kind: 'contested', actors: [...actors].sort() };
  }
  return { kind: 'held', actor: c.current.actor };
}

const keyOf = (h: Holding) => (h.kind === 'none' ? '-' : h.kind === 'held' ? h.actor : `~${h.actors.join(',')}`);

/**
 * Sentences describing the changes from month `from` to month `to` (empty when nothing changed,
 * when there is no previous month, or when the step is longer than MAX_DESCRIBED_STEP).
 * @example changeSentences(index, tr, monthIndex(1969, 8), monthIndex(1969, 9))
 *   // ['September 1969:', 'Tripolitania, Cyrenaica and Fezzan now held by RCC (Gaddafi) (before: Kingdom).', …]
 */
export function changeSentences(index: AtlasIndex, tr: Translator, from: number | null, to: number): string[] {
  if (from === null || from === to || Math.abs(to - from) > MAX_DESCRIBED_STEP) return [];
  const who = (id: string) => actorShort(index, tr, id);
  const describe = (h: Holding) => (h.kind === 'held' ? who(h.actor) : h.kind === 'contested' ? tr.list(h.actors.map(who)) : '');

  // Regions, then the status text's cities where they changed differently from their region.
  const changes = new Map<string, { before: Holding; after: Holding; places: string[] }>();
  const regionChange = new Map<string, string>();
  const note = (place: string, before: Holding, after: Holding) => {
    const k = `${keyOf(before)}>${keyOf(after)}`;
    const entry = changes.get(k) ?? { before, after, places: [] };
    entry.places.push(placeName(index, tr, place));
    changes.set(k, entry);
    return k;
  };
  for (const region of index.regionIds) {
    const before = holding(controlAt(index, region, from));
    const after = holding(controlAt(index, region, to));
    regionChange.set(region, keyOf(before) === keyOf(after) ? '' : `${keyOf(before)}>${keyOf(after)}`);
    if (keyOf(before) !== keyOf(after)) note(region, before, after);
  }
  for (const city of STATUS_CITIES) {
    const before = holding(controlAt(index, city, from));
    const after = holding(controlAt(index, city, to));
    if (keyOf(before) === keyOf(after) || after.kind === 'none') continue;
    const region = regionOf(index, city) ?? '';
    if (regionChange.get(region) !== `${keyOf(before)}>${keyOf(after)}`) note(city, before, after);
  }

  const out: string[] = [];
  for (const { before, after, places } of changes.values()) {
    const vars = { places: tr.list(places), from: describe(before), to: describe(after), holders: describe(after) };
    if (after.kind === 'contested') out.push(tr.t('change.nowContested', vars));
    else if (after.kind === 'none') out.push(tr.t('change.noRecord', vars));
    else if (before.kind === 'none') out.push(tr.t('change.holdsNew', vars));
    else out.push(tr.t('change.holds', vars));
  }

  const forces = (t: number) =>
    new Map(
      presenceAt(index, t).map((p) => {
        const vars = { actor: who(p.actor), place: placeName(index, tr, p.place), status: tr.t(`status.${p.status}`) };
        return [`${p.actor}@${p.place}`, p.status === 'confirmed' ? tr.t('status.force', vars) : tr.t('status.forceClaim', vars)];
      }),
    );
  const before = forces(from);
  const after = forces(to);
  const arrived = [...new Set([...after].filter(([k]) => !before.has(k)).map(([, v]) => v))];
  const left = [...new Set([...before].filter(([k]) => !after.has(k)).map(([, v]) => v))];
  if (arrived.length > 0) out.push(tr.t('change.forcesIn', { list: arrived.join(tr.t('status.listSep')) }));
  if (left.length > 0) out.push(tr.t('change.forcesOut', { list: left.join(tr.t('status.listSep')) }));

  return out.length > 0 ? [tr.t('change.intro', { date: tr.month(to) }), ...out] : [];
}
