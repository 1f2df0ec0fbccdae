/**
 * What a scrolling story's graphic says under its date (layout=story): the step's place in words
 * (who holds it, the foreign forces there, the month's events there), or without a place the map in
 * two short sentences. The article's paragraph tells the story; this line says what the map shows.
 */
import type { AtlasIndex } from '../records/atlasIndex.ts';
import type { AtlasView } from '../records/view.ts';
import type { Translator } from '../i18n/i18n.ts';
import { describe } from './statusText.ts';
import { actorShort } from './names.ts';
import { summarySentences } from './summary.ts';
import { placesWithin } from './corrections.ts';

/** At most this many of the month's events at the place are named (the full atlas lists them all). */
const EVENTS_NAMED = 2;

/**
 * @example stepCaption(index, tr, viewAt(index, monthIndex(2019, 4)), 'tripoli')
 * // 'Tripoli: contested (GNA and LNA). Foreign forces: Wagner Group (reported). This month: Haftar's offensive on Tripoli.'
 */
export function stepCaption(index: AtlasIndex, tr: Translator, view: AtlasView, place: string | null): string {
  const area = place ? (view.places.find((a) => a.id === place) ?? view.regions.find((a) => a.id === place)) : undefined;
  if (!place || !area) return summarySentences(index, tr, view).join(' ');

  const within = placesWithin(index, place);
  const parts = [describe(index, tr, area)];
  const forces = [...new Set(view.forces.filter((f) => within.has(f.presence.place)).map((f) => forceName(index, tr, f.presence.actor, f.presence.status)))];
  if (forces.length > 0) parts.push(tr.t('status.forces', { list: tr.list(forces) }));
  const events = view.events.filter((e) => e.places.some((p) => within.has(p))).slice(0, EVENTS_NAMED);
  if (events.length > 0) parts.push(tr.t('story.thisMonth', { list: events.map((e) => tr.text(e.title)).join(tr.t('status.listSep')) }));
  return parts.join(' ');
}

/** A force's short name, with its status when it is not confirmed: "Wagner Group (reported)". */
function forceName(index: AtlasIndex, tr: Translator, actor: string, status: string): string {
  const name = actorShort(index, tr, actor);
  return status === 'confirmed' ? name : `${name} (${tr.t(`status.${status as 'confirmed'}`)})`;
}
