/** Names of actors and places in the reader's language. */
import type { AtlasIndex } from '../records/atlasIndex.ts';
import type { Translator } from '../i18n/i18n.ts';

/** The short form of an actor's name ("LNA"), or its id when the actor is unknown. */
export function actorShort(index: AtlasIndex, tr: Translator, id: string): string {
  const a = index.actors.get(id);
  return a ? tr.text(a.short ?? a.name) : id;
}

/** A region's, zone's, place's or counterpart city's name, or its id when unknown. */
export function placeName(index: AtlasIndex, tr: Translator, id: string): string {
  const f = index.features.get(id);
  return f ? tr.name(f.properties) : id;
}

/** "2 foreign forces at al-Jufra air base: Wagner at …; Russian forces at …" (a group of forces' button). */
export function forcesHereWords(index: AtlasIndex, tr: Translator, forces: { place: string; label: string }[]): string {
  const place = forces[0] ? placeName(index, tr, forces[0].place) : '';
  return tr.t('map.forcesHere', { count: forces.length, place, list: forces.map((f) => f.label).join('; ') });
}
