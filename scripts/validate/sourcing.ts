/**
 * The sourcing standard (issue 9): what a record's sources can carry (wiki and aggregator pages
 * alone support no control period and no "confirmed" record; a party's own media alone supports
 * only its claim), the status scale applied by one rule, real titles, and seed passages that are
 * word for word in the seed documents of data/seeds/.
 */
import { FILES, SEEDS_DIR, has, recordPath, str, type Entry } from './records.ts';
import type { Doc } from './files.ts';
import type { Known } from './references.ts';
import { checkRef } from './references.ts';
import { pathText, quote, type Report } from './report.ts';
import { isObject } from './schema-messages.ts';

/** Source kinds that cannot alone support a control period or a "confirmed" record. */
export const SECONDHAND_KINDS = new Set(['wiki', 'aggregator']);

/** The known sources a record cites, each once, in order. */
function citedSources(e: Entry, sources: Map<string, Entry>): Entry[] {
  if (!has(e, 'sources') || !Array.isArray(e.record.sources)) return [];
  const out = new Map<string, Entry>();
  for (const c of e.record.sources) {
    const s = isObject(c) && typeof c.source === 'string' ? sources.get(c.source) : undefined;
    if (s?.id !== undefined) out.set(s.id, s);
  }
  return [...out.values()];
}

const kindOf = (s: Entry): string | undefined => str(s, 'kind');
const listed = (list: Entry[], label: (s: Entry) => string): string => list.map((s) => `${s.id}: ${label(s)}`).join('; ');

/**
 * A control period, or a record with status "confirmed", rests on at least one source that is not
 * a wiki or an aggregator; a record resting only on sources aligned with a party is that party's
 * claim, so it is "alleged" (or "denied"), never "confirmed" or "reported".
 */
export function checkSourceStandard(report: Report, e: Entry, sources: Map<string, Entry>, isControl: boolean): void {
  const cited = citedSources(e, sources);
  if (cited.length === 0 || cited.some((s) => kindOf(s) === undefined)) return;
  const status = str(e, 'status');
  if (cited.every((s) => SECONDHAND_KINDS.has(kindOf(s)!))) {
    const which = listed(cited, (s) => kindOf(s)!);
    if (isControl) {
      report.at(e.doc, recordPath(e, 'sources'), e.id, `this control period rests only on wiki or aggregator sources (${which}) — add a source of another kind (news, wire, official, study, book…) that reports who held the place`, 'source-kind');
    } else if (status === 'confirmed') {
      report.at(e.doc, recordPath(e, 'status'), e.id, `status "confirmed" rests only on wiki or aggregator sources (${which}) — add a source of another kind (news, wire, official, study, book…), or lower the status to "reported"`, 'source-kind');
    }
  }
  if ((status === 'confirmed' || status === 'reported') && cited.every((s) => str(s, 'aligned') !== undefined)) {
    const parties = [...new Set(cited.map((s) => str(s, 'aligned')!))];
    report.at(
      e.doc,
      recordPath(e, 'status'),
      e.id,
      `status "${status}" rests only on sources aligned with a party (${listed(cited, (s) => `aligned with ${str(s, 'aligned')!}`)}) — a party's own media supports only its claim: downgrade to "status": "alleged" with "claimedBy": "${parties[0]!}", or add an independent source`,
      'aligned-source',
    );
  }
}

/** A source's `aligned` names an actor. */
export function checkAligned(report: Report, s: Entry, known: Known): void {
  const aligned = str(s, 'aligned');
  if (aligned !== undefined) checkRef(report, s, ['aligned'], aligned, 'actor', known.actors, FILES.actors);
}

/** record id → the ids of the events that respond to it. */
export function responsesTo(events: Entry[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of events) {
    const target = str(e, 'responds');
    if (target === undefined || e.id === undefined) continue;
    const list = out.get(target);
    if (list) list.push(e.id);
    else out.set(target, [e.id]);
  }
  return out;
}

/**
 * The status scale, one rule for events and presences: an allegation names who made it and has a
 * response (an event whose `responds` names it) or says none was found (`"noResponse": true`); a
 * denial names what it denies (events; `responds`).
 */
export function checkStatus(report: Report, e: Entry, responses: Map<string, string[]>, isEvent: boolean): void {
  const status = str(e, 'status');
  if (status === undefined) return;
  const answered = e.id === undefined ? undefined : responses.get(e.id);
  const noResponse = e.record.noResponse === true;
  if (status === 'alleged') {
    if (str(e, 'claimedBy') === undefined && !e.failed.has('claimedBy')) {
      report.at(e.doc, recordPath(e, 'status'), e.id, 'status "alleged" needs "claimedBy": the actor id (or source id) of whoever made the claim', 'status');
    }
    if (!answered && !noResponse && !e.failed.has('noResponse') && e.id !== undefined) {
      report.at(
        e.doc,
        recordPath(e, 'status'),
        e.id,
        `status "alleged" needs a response: no event in ${FILES.events} has "responds": "${e.id}" — add the denial or reply as an event with "responds": "${e.id}", or write "noResponse": true if a search found none`,
        'status',
      );
    }
  }
  if (noResponse && answered) {
    report.at(e.doc, recordPath(e, 'noResponse'), e.id, `"noResponse": true, but ${answered.length === 1 ? 'event' : 'events'} ${answered.map((id) => `"${id}"`).join(', ')} ${answered.length === 1 ? 'responds' : 'respond'} to it — remove "noResponse"`, 'status');
  } else if (noResponse && status !== 'alleged') {
    report.at(e.doc, recordPath(e, 'noResponse'), e.id, `"noResponse" is only for allegations (status "alleged"), and this record is "${status}" — remove "noResponse"`, 'status');
  }
  if (isEvent && status === 'denied' && str(e, 'responds') === undefined && !e.failed.has('responds')) {
    report.at(e.doc, recordPath(e, 'status'), e.id, 'status "denied" needs "responds": the id of the event or presence whose claim it denies', 'status');
  }
}

// ---------------------------------------------------------------------------------------------
// Placeholder titles

const PLACEHOLDERS: RegExp[] = [
  /\(?\b(?:headline|title) not (?:captured|known|available|found)\b\)?/i,
  /\buntitled\b/i,
  /\bTODO\b/,
  /\bTBD\b/,
  /\bFIXME\b/,
  /\[(?:title|headline)\]/i,
  /lorem ipsum/i,
  /^\s*(?:title|headline|placeholder|n\/a|none|\?+|-+|…|\.{3})\s*$/i,
];

/**
 * The placeholder a title contains, as written, or undefined.
 * @example placeholderIn('Report on a visit (headline not captured)') // '(headline not captured)'
 */
export function placeholderIn(title: string): string | undefined {
  for (const re of PLACEHOLDERS) {
    const m = re.exec(title);
    if (m) return m[0].trim() || m[0];
  }
  return undefined;
}

/** A source's title, or each language of a record's title, is a real title. */
export function checkPlaceholderTitle(report: Report, e: Entry, isSource: boolean): void {
  if (!has(e, 'title')) return;
  const title = e.record.title;
  const texts: [string[], unknown][] = isSource ? [[['title'], title]] : isObject(title) ? Object.entries(title).map(([lang, t]) => [['title', lang], t]) : [];
  for (const [path, text] of texts) {
    if (typeof text !== 'string') continue;
    const found = placeholderIn(text);
    if (!found) continue;
    const fix = isSource ? "write the document's title as published (look it up at the source's address or in an archive)" : "write the event's title";
    report.at(e.doc, recordPath(e, ...path), e.id, `${path.join('.')} ${quote(text)} is not a real title (it contains the placeholder ${quote(found)}) — ${fix}`, 'placeholder-title');
  }
}

// ---------------------------------------------------------------------------------------------
// Seed passages

/** The comparison rule for seed passages: runs of whitespace (line breaks included) count as one space. */
export const collapseWhitespace = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Every passage cited from a source with a `seed` is word for word in that seed document
 * (whitespace collapsed; paraphrases are not compared); a seed named but absent is a problem.
 * @param seeds seed file name → text, e.g. { "003_fa730cb833beec71.txt": "…" }
 */
export function checkSeedPassages(report: Report, docs: Map<string, Doc>, sources: Entry[], seeds: Map<string, string>): void {
  const seedOf = new Map<string, string>();
  for (const s of sources) {
    const seed = str(s, 'seed');
    if (s.id === undefined || seed === undefined) continue;
    if (!seeds.has(seed)) {
      report.at(s.doc, recordPath(s, 'seed'), s.id, `seed "${seed}" is not in ${SEEDS_DIR} — copy the seed document there (see ${SEEDS_DIR}README.md), so that the passages quoted from it can be checked word for word`, 'seed-passage');
      continue;
    }
    seedOf.set(s.id, seed);
  }
  const collapsed = new Map<string, string>();
  const seedText = (name: string): string => {
    let text = collapsed.get(name);
    if (text === undefined) collapsed.set(name, (text = collapseWhitespace(seeds.get(name)!)));
    return text;
  };
  for (const file of [FILES.control, FILES.presence, FILES.events]) {
    const doc = docs.get(file);
    if (!doc || !Array.isArray(doc.data)) continue;
    doc.data.forEach((record: unknown, index: number) => {
      if (!isObject(record) || !Array.isArray(record.sources)) return;
      const id = typeof record.id === 'string' ? record.id : undefined;
      // A record's citations, and each rival claim's (a control period's `claims[n].sources`).
      const lists: [(string | number)[], unknown[]][] = [[['sources'], record.sources]];
      if (Array.isArray(record.claims)) {
        record.claims.forEach((claim: unknown, k: number) => {
          if (isObject(claim) && Array.isArray(claim.sources)) lists.push([['claims', k, 'sources'], claim.sources]);
        });
      }
      for (const [at, list] of lists) {
        list.forEach((c: unknown, n: number) => {
          if (!isObject(c) || c.paraphrase === true || typeof c.source !== 'string' || typeof c.passage !== 'string') return;
          const seed = seedOf.get(c.source);
          if (seed === undefined) return;
          if (!seedText(seed).includes(collapseWhitespace(c.passage))) {
            report.at(
              doc,
              [index, ...at, n, 'passage'],
              id,
              `${pathText([...at, n, 'passage'])} is not word for word in seed ${seed} (${c.source}): ${quote(c.passage)} — copy it character for character from the seed text, or set "paraphrase": true if it is a summary`,
              'seed-passage',
            );
          }
        });
      }
    });
  }
}

