/**
 * "Why is this here?" in the reader's language: each rule records/why.ts found for a mark, as the
 * part of the mark it explains ("Stripes") and a sentence ("Contested since April 2019 by LNA,
 * against GNA."), with the records it rests on and their labels for "Report an error".
 */
import type { AtlasIndex } from '../records/atlasIndex.ts';
import type { Mark, Reason, Why, WhyRecord } from '../records/why.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Translator } from '../i18n/i18n.ts';
import { actorShort, placeName } from './names.ts';

export interface WhyLine {
  /** The rule, as records/why.ts names it. */
  rule: Reason['rule'];
  /** The part of the mark it explains: "Fill", "Stripes", "Hollow symbol", "Faint line". */
  mark: string;
  text: string;
  /** The records it rests on, each with its description ("Sirte: LNA, from June 2020"). */
  records: (WhyRecord & { label: string })[];
}

export interface WhyText {
  /** What the mark is, and the month: "Tripolitania (Sirte), June 2020". */
  subject: string;
  /** Said when the mark is not on the map in this month (then there are no lines). */
  absent: string | null;
  lines: WhyLine[];
  /** A divided region: each zone, with its own subject and lines. */
  parts: WhyText[];
}

type Kind = Mark['kind'];

/** The part of a mark a rule explains: a region's band is a dot's ring. */
function markKey(kind: Kind, r: Reason): MessageKey {
  const dot = kind === 'place';
  switch (r.rule) {
    case 'held':
    case 'inherited':
      return dot ? 'why.mark.dot' : 'why.mark.fill';
    case 'contested':
      return dot ? 'why.mark.pie' : 'why.mark.stripes';
    case 'claimed':
      return dot ? 'why.mark.dottedRing' : 'why.mark.dottedEdge';
    case 'uncertain':
      return dot ? 'why.mark.dashedRing' : 'why.mark.dashedEdge';
    case 'last-reported':
      return dot ? 'why.mark.fadedDot' : kind === 'force' ? 'why.mark.faded' : 'why.mark.dashedEdge';
    case 'divided':
      return 'why.mark.zones';
    case 'no-record':
      return 'why.mark.noFill';
    case 'force':
      return r.hollow ? 'why.mark.hollow' : 'why.mark.solid';
    case 'response':
      return 'why.mark.response';
    case 'responds-to':
      return 'why.mark.respondsTo';
    case 'arc':
      return r.current ? 'why.mark.arcStrong' : 'why.mark.arcFading';
    case 'arc-line':
      return r.confirmed ? 'why.mark.arcSolid' : 'why.mark.arcDashed';
  }
}

function sentence(index: AtlasIndex, tr: Translator, r: Reason): string {
  const who = (id: string) => actorShort(index, tr, id);
  const where = (id: string) => placeName(index, tr, id);
  const status = (s: string) => tr.t(`status.${s as 'confirmed'}`);
  switch (r.rule) {
    case 'held': {
      const vars = { holder: who(r.actor), place: where(r.area), start: tr.date(r.start, r.circa), end: r.end ? tr.date(r.end, r.circa) : '' };
      if (r.contested) return tr.t('why.heldContested', vars);
      const s = tr.t(r.end ? 'why.heldUntil' : 'why.held', vars);
      return r.previous ? `${s} ${tr.t('why.tookOver', { previous: who(r.previous) })}` : s;
    }
    case 'contested':
      return tr.t('why.contested', { start: tr.date(r.start, r.circa), others: tr.list(r.others.map(who)), holder: who(r.holder) });
    case 'claimed':
      return tr.t('why.claimed', { claimant: who(r.claimant), holder: who(r.holder) });
    case 'uncertain':
      return `${tr.t(r.which === 'end' ? 'why.uncertainEnd' : 'why.uncertainStart', { date: tr.date(r.date, r.circa) })} ${tr.t('why.uncertainRule')}`;
    case 'last-reported':
      return tr.t('why.lastReported', { date: tr.date(r.date), months: r.months, since: tr.month(r.since) });
    case 'inherited':
      return tr.t('why.inherited', { place: where(r.place), from: where(r.from) });
    case 'divided':
      return tr.t('why.divided', { place: where(r.area), zones: tr.list(r.zones.map(where)) });
    case 'no-record':
      return tr.t('why.noRecord', { place: where(r.area) });
    case 'force': {
      const vars = { actor: who(r.actor), place: where(r.place), start: tr.date(r.start, r.circa), end: r.end ? tr.date(r.end, r.circa) : '', status: status(r.status) };
      const parts = [tr.t(r.end ? 'why.forceUntil' : 'why.force', vars), tr.t(r.hollow ? 'why.hollowRule' : 'why.solidRule')];
      if (r.claimedBy) parts.push(tr.t('why.claimedBy', { who: who(r.claimedBy) }));
      if (r.noResponse) parts.push(tr.t('why.noResponse'));
      return parts.join(' ');
    }
    case 'response':
      return tr.t('why.response', { status: status(r.status), title: tr.text(r.title), date: tr.date(r.date, r.circa) });
    case 'responds-to':
      return tr.t('why.respondsTo', { status: status(r.status), title: tr.text(r.title), date: tr.date(r.date, r.circa) });
    case 'arc': {
      const vars = { title: tr.text(r.title), date: tr.date(r.date, r.circa), from: where(r.from), to: where(r.to), months: r.fadeMonths, until: tr.month(r.until) };
      return tr.t(r.current ? 'why.arcStrong' : 'why.arcFading', vars);
    }
    case 'arc-line':
      return r.confirmed ? tr.t('why.arcConfirmed') : tr.t('why.arcUnconfirmed', { status: status(r.status) });
  }
}

/** A record in words, as the panel labels it for "Report an error". */
function recordLabel(index: AtlasIndex, tr: Translator, r: WhyRecord): string {
  const span = (x: { start: string; end: string | null; circa?: boolean | undefined }) =>
    x.end ? tr.t('panel.fromTo', { start: tr.date(x.start, x.circa), end: tr.date(x.end, x.circa) }) : tr.t('panel.from', { start: tr.date(x.start, x.circa) });
  if (r.kind === 'event') {
    const e = index.eventsById.get(r.id);
    return e ? tr.t('corrections.eventRef', { title: tr.text(e.title), date: tr.date(e.date, e.circa) }) : r.id;
  }
  if (r.kind === 'presence') {
    const p = index.presence.find((x) => x.id === r.id);
    return p ? tr.t('corrections.presenceRef', { actor: actorShort(index, tr, p.actor), place: placeName(index, tr, p.place), dates: span(p) }) : r.id;
  }
  for (const list of index.controlByPlace.values()) {
    const c = list.find((x) => x.id === r.id);
    if (c) return tr.t('corrections.controlRef', { place: placeName(index, tr, c.place), actor: actorShort(index, tr, c.actor), dates: span(c) });
  }
  return r.id;
}

/** What a mark is, in words: a place's or area's name, "Wagner at al-Jufra air base", an arc's event. */
export function markName(index: AtlasIndex, tr: Translator, mark: Mark): string {
  if (mark.kind === 'area' || mark.kind === 'place') return placeName(index, tr, mark.id);
  if (mark.kind === 'force') {
    const p = index.presence.find((x) => x.id === mark.id);
    return p ? tr.t('status.force', { actor: actorShort(index, tr, p.actor), place: placeName(index, tr, p.place) }) : mark.id;
  }
  const e = index.eventsById.get(mark.id);
  return e ? tr.t('why.arcName', { title: tr.text(e.title), from: placeName(index, tr, e.places[0]!), to: e.counterpart ? placeName(index, tr, e.counterpart) : '' }) : mark.id;
}

/**
 * A why in the reader's language.
 * @example whyWords(index, tr, whyAt(index, view, { kind: 'force', id: 'wagner-jufra-2020' })).lines[0].mark // "Solid symbol"
 */
export function whyWords(index: AtlasIndex, tr: Translator, why: Why): WhyText {
  return {
    subject: tr.t('why.subject', { what: markName(index, tr, why.mark), date: tr.month(why.t) }),
    absent: why.shown ? null : tr.t('why.absent', { what: markName(index, tr, why.mark), date: tr.month(why.t) }),
    lines: why.reasons.map((r) => ({
      rule: r.rule,
      mark: tr.t(markKey(why.mark.kind, r)),
      text: sentence(index, tr, r),
      records: r.records.map((x) => ({ ...x, label: recordLabel(index, tr, x) })),
    })),
    parts: why.parts.map((p) => whyWords(index, tr, p)),
  };
}

/** "Diplomatic arcs to Moscow (3): why is each here?"; with no city, the arcs whose name found no room. */
export function arcsWords(index: AtlasIndex, tr: Translator, cities: string[], n: number): string {
  if (cities.length === 0) return tr.t('why.otherArcs', { n });
  const city = tr.list(cities.map((c) => tr.name(index.features.get(c)?.properties ?? { name_en: c })));
  return n === 1 ? tr.t('why.arcHere', { city }) : tr.t('why.arcsHere', { city, n });
}
