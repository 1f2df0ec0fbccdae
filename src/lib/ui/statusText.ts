/**
 * The map in words, for the role="status" text: who controls each region (and the main cities
 * where they differ), and which foreign forces are present, at the selected month.
 */
import { controlAt, eventsAt, presenceAt, type AtlasIndex, type ControlState } from '../records/selectors.ts';
import type { Translator } from '../i18n/i18n.ts';

/** Cities named in the status text when their holder differs from their region's. */
export const STATUS_CITIES = ['tripoli', 'benghazi', 'tobruk'];

export function actorShort(index: AtlasIndex, tr: Translator, id: string): string {
  const a = index.actors.get(id);
  return a ? tr.text(a.short ?? a.name) : id;
}

/** The region a place lies in. */
export function regionOf(index: AtlasIndex, place: string): string | undefined {
  const f = index.features.get(place);
  return f && 'region' in f.properties ? f.properties.region : undefined;
}

export function placeName(index: AtlasIndex, tr: Translator, id: string): string {
  const f = index.features.get(id);
  return f ? tr.name(f.properties) : id;
}

function describeControl(index: AtlasIndex, tr: Translator, place: string, c: ControlState): string {
  const name = placeName(index, tr, place);
  const who = (id: string) => actorShort(index, tr, id);
  let s: string;
  if (!c.current) s = tr.t('status.none', { place: name });
  else if (c.contested) {
    const holders = new Set<string>();
    for (const p of c.periods.filter((p) => p.contested)) {
      holders.add(p.actor);
      for (const a of p.contestedBy ?? []) holders.add(a);
    }
    s = tr.t('status.contested', { place: name, holders: tr.list([...holders].map(who)) });
  } else if (c.changed) {
    s = tr.t('status.changed', { place: name, from: who(c.periods[0]!.actor), to: who(c.current.actor) });
  } else s = tr.t('status.control', { place: name, holder: who(c.current.actor) });
  // The note goes inside the sentence, before its full stop.
  return c.uncertain ? s.replace(/\.?$/, ` ${tr.t('status.uncertain')}.`) : s;
}

/** Sentences for the status text, in reading order. */
export function statusSentences(index: AtlasIndex, tr: Translator, t: number): string[] {
  const out: string[] = [];
  const regionHolder = new Map<string, string | undefined>();
  for (const region of index.regionIds) {
    const c = controlAt(index, region, t);
    regionHolder.set(region, c.current?.actor);
    out.push(describeControl(index, tr, region, c));
  }
  for (const city of STATUS_CITIES) {
    const c = controlAt(index, city, t);
    const region = regionOf(index, city);
    if (!c.current) continue;
    if (c.contested || c.changed || c.current.actor !== regionHolder.get(region ?? '')) out.push(describeControl(index, tr, city, c));
  }

  const forces = presenceAt(index, t);
  if (forces.length === 0) out.push(tr.t('status.noForces'));
  else {
    const items = forces.map((p) => {
      const vars = { actor: actorShort(index, tr, p.actor), place: placeName(index, tr, p.place), status: tr.t(`status.${p.status}`) };
      return p.status === 'confirmed' ? tr.t('status.force', vars) : tr.t('status.forceClaim', vars);
    });
    out.push(tr.t('status.forces', { list: [...new Set(items)].join(tr.t('status.listSep')) }));
  }

  const diplomacy = eventsAt(index, t).filter((e) => e.category === 'diplomatic' && e.russia);
  if (diplomacy.length > 0) out.push(tr.t('status.diplomacy', { list: diplomacy.map((e) => tr.text(e.title)).join(tr.t('status.listSep')) }));
  return out;
}
