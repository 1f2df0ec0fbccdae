/**
 * The map in words, for the role="status" text: who controls each region (and the main cities
 * where they differ), and which foreign forces are present, grouped by force, read from the view
 * of the month. Short lines, so a reader can scan them and a screen reader can step through them.
 */
import type { AtlasIndex } from '../records/atlasIndex.ts';
import type { AreaState, AtlasView } from '../records/view.ts';
import type { Translator } from '../i18n/i18n.ts';
import { actorShort, placeName } from './names.ts';

/** Cities named in the status text when their holder differs from their region's. */
export const STATUS_CITIES = ['tripoli', 'benghazi', 'tobruk'];

/** How an area is held, in words without its name: "LNA", "contested (GNA and LNA)". */
export function holderWords(index: AtlasIndex, tr: Translator, a: AreaState): string {
  const who = (id: string) => actorShort(index, tr, id);
  if (a.zones.length > 0) return tr.list(a.zones.map((z) => tr.t('status.zone', { zone: placeName(index, tr, z.id), holder: holderWords(index, tr, z) })));
  if (!a.holder) return tr.t('status.noRecord');
  if (a.contested) return tr.t('status.contestedWords', { holders: tr.list(a.parties.map(who)) });
  // A rival claim without fighting is said as a claim, never as a contest.
  if (a.claims.length > 0) return tr.t('status.claimWords', { holder: who(a.holder), claimants: tr.list(a.claims.map(who)) });
  return who(a.holder);
}

/** One area in a sentence: "Tripoli: GNA.", with its notes (a contest, a claim, an uncertain date, last reported). */
export function describe(index: AtlasIndex, tr: Translator, a: AreaState): string {
  const name = placeName(index, tr, a.id);
  const who = (id: string) => actorShort(index, tr, id);
  let s: string;
  if (a.zones.length > 0) s = tr.t('status.divided', { place: name, zones: holderWords(index, tr, a) });
  else if (!a.holder) s = tr.t('status.none', { place: name });
  else if (a.contested) s = tr.t('status.contested', { place: name, holders: tr.list(a.parties.map(who)) });
  else if (a.previous) s = tr.t('status.changed', { place: name, from: who(a.previous), to: who(a.holder) });
  else if (a.claims.length > 0) s = tr.t('status.claimed', { place: name, holder: who(a.holder), claimants: tr.list(a.claims.map(who)) });
  else s = tr.t('status.control', { place: name, holder: who(a.holder) });
  // Notes go inside the sentence, before its full stop.
  if (a.uncertain) s = s.replace(/\.?$/, ` ${tr.t('status.uncertain')}.`);
  if (a.lastReported) s = s.replace(/\.?$/, ` (${tr.t('status.lastReported', { date: tr.date(a.lastReported) })}).`);
  return s;
}

/** A force at a place, with its status when it is not confirmed. */
export function forceWords(index: AtlasIndex, tr: Translator, p: { actor: string; place: string; status: string }): string {
  const vars = { actor: actorShort(index, tr, p.actor), place: placeName(index, tr, p.place), status: tr.t(`status.${p.status as 'confirmed'}`) };
  return p.status === 'confirmed' ? tr.t('status.force', vars) : tr.t('status.forceClaim', vars);
}

/**
 * One force's line: where it is, confirmed places first, then by status.
 * @example "Wagner: al-Jufra; reported: Benghazi, Sirte and Brak; alleged: Ghardabiya."
 */
function forceLine(index: AtlasIndex, tr: Translator, actor: string, list: { place: string; status: string; lastReported?: string | undefined }[]): string {
  const order = ['confirmed', 'reported', 'alleged', 'denied'];
  const parts: string[] = [];
  for (const status of order) {
    const name = (p: { place: string; lastReported?: string | undefined }) =>
      p.lastReported ? `${placeName(index, tr, p.place)} (${tr.t('status.lastReported', { date: tr.date(p.lastReported) })})` : placeName(index, tr, p.place);
    const places = [...new Set(list.filter((p) => p.status === status).map(name))];
    if (places.length === 0) continue;
    parts.push(status === 'confirmed' ? tr.list(places) : tr.t('status.forceStatus', { status: tr.t(`status.${status as 'confirmed'}`), places: tr.list(places) }));
  }
  return tr.t('status.forceLine', { actor: actorShort(index, tr, actor), places: parts.join(tr.t('status.listSep')) });
}

/** The map in words as short lines: one per region and differing city, one per foreign force, and the month's diplomacy. */
export interface StatusLines {
  areas: string[];
  /** One line per force, or a single "no foreign forces" line. */
  forces: string[];
  /** Whether `forces` lists forces (false: it says there are none). */
  hasForces: boolean;
  diplomacy: string | null;
}

export function statusLines(index: AtlasIndex, tr: Translator, view: AtlasView): StatusLines {
  const areas: string[] = [];
  const regionHolder = new Map<string, string | undefined>();
  for (const region of view.regions) {
    regionHolder.set(region.id, region.holder);
    areas.push(describe(index, tr, region));
  }
  for (const city of STATUS_CITIES) {
    const c = view.places.find((p) => p.id === city);
    if (!c?.holder || c.source !== city) continue;
    const f = index.features.get(city);
    const region = f && 'region' in f.properties ? f.properties.region : undefined;
    if (c.contested || c.previous || c.claims.length > 0 || c.holder !== regionHolder.get(region ?? '')) areas.push(describe(index, tr, c));
  }

  const byForce = new Map<string, { place: string; status: string; lastReported?: string | undefined }[]>();
  for (const { presence: p, lastReported } of view.forces) byForce.set(p.actor, [...(byForce.get(p.actor) ?? []), { place: p.place, status: p.status, lastReported }]);
  const forces = [...byForce].map(([actor, list]) => forceLine(index, tr, actor, list));

  const diplomacy = view.events.filter((e) => e.category === 'diplomatic' && e.russia);
  return {
    areas,
    forces: forces.length > 0 ? forces : [tr.t('status.noForces')],
    hasForces: forces.length > 0,
    diplomacy: diplomacy.length > 0 ? tr.t('status.diplomacy', { list: diplomacy.map((e) => tr.text(e.title)).join(tr.t('status.listSep')) }) : null,
  };
}

/** The status text as sentences, in reading order. */
export function statusSentences(index: AtlasIndex, tr: Translator, view: AtlasView): string[] {
  const l = statusLines(index, tr, view);
  return [...l.areas, ...(l.hasForces ? [tr.t('status.forcesHeading'), ...l.forces] : l.forces), ...(l.diplomacy ? [l.diplomacy] : [])];
}
