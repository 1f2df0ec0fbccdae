/**
 * A control period's rival claims (issue 23): `claims` lists authorities that claim to govern a
 * place without fighting for it, each with its own sources. "Claimed" is not "contested"
 * (`contested`/`contestedBy` is armed contest): the map draws and says them apart, so an actor is
 * one or the other in a period, never the holder, and a claim is sourced like a record.
 */
import { FILES, has, recordPath, str, strings, type Entry } from './records.ts';
import { checkCitationList, checkRef, type Known } from './references.ts';
import { pathText, quote, type Report } from './report.ts';
import { isObject } from './schema-messages.ts';
import { SECONDHAND_KINDS } from './sourcing.ts';

/** The kinds of actor that can claim to govern a place: an authority, Libyan or foreign. */
export const AUTHORITY_KINDS = new Set(['libyan-authority', 'foreign-administration']);

/**
 * @param actorKinds actor id → its kind (from data/actors.json)
 * @param sources source id → its entry (for the kinds of the sources a claim cites)
 */
export function checkClaims(report: Report, e: Entry, known: Known, actorKinds: Map<string, string>, sources: Map<string, Entry>): void {
  if (!has(e, 'claims') || !Array.isArray(e.record.claims)) return;
  const claims = e.record.claims as unknown[];
  if (claims.length === 0) {
    report.at(e.doc, recordPath(e, 'claims'), e.id, '"claims" is an empty list — remove it, or add { "actor": "<authority id>", "sources": [ … ] } for the authority that claims the place', 'claims');
    return;
  }
  const holder = str(e, 'actor');
  const contestedBy = new Set(strings(e, 'contestedBy'));
  const seen = new Map<string, number>();
  claims.forEach((claim, n) => {
    if (!isObject(claim)) return; // the schema has said what a claim is
    const at = (...rest: (string | number)[]) => recordPath(e, 'claims', n, ...rest);
    const actor = typeof claim.actor === 'string' ? claim.actor : undefined;
    if (actor !== undefined) {
      const where = `claims[${n}].actor "${actor}"`;
      checkRef(report, e, ['claims', n, 'actor'], actor, 'actor', known.actors, FILES.actors);
      const kind = actorKinds.get(actor);
      if (kind !== undefined && !AUTHORITY_KINDS.has(kind)) {
        report.at(
          e.doc,
          at('actor'),
          e.id,
          `${where} is a${/^[aeiou]/.test(kind) ? 'n' : ''} ${kind} in ${FILES.actors}, not an authority — a claim to govern a place is made by an authority ("kind": "libyan-authority" or "foreign-administration"): name the authority that claims it; a foreign force's presence belongs in ${FILES.presence}`,
          'claims',
        );
      }
      if (actor === holder) {
        report.at(e.doc, at('actor'), e.id, `${where} is this period's holder ("actor": "${holder}") — a claim is a rival's: name the rival authority that claims the place, or remove the claim`, 'claims');
      }
      if (contestedBy.has(actor)) {
        report.at(
          e.doc,
          at('actor'),
          e.id,
          `${where} is also in "contestedBy" — "contested" is armed contest and "claims" a claim without fighting, so one actor is one or the other in a period: keep the one its sources describe, or split the period where the claim turned into fighting (or the fighting into a claim)`,
          'claims',
        );
      }
      const first = seen.get(actor);
      if (first !== undefined) {
        report.at(e.doc, at('actor'), e.id, `${where} is already claimed in claims[${first}] — one claim per authority: move these sources into claims[${first}] and remove this one`, 'claims');
      } else seen.set(actor, n);
    }
    if (!Array.isArray(claim.sources)) return;
    checkCitationList(report, e, ['claims', n, 'sources'], claim.sources, known);
    const cited = [...new Map(claim.sources.flatMap((c) => (isObject(c) && typeof c.source === 'string' && sources.has(c.source) ? [[c.source, sources.get(c.source)!] as const] : []))).values()];
    const kinds = cited.map((s) => str(s, 'kind'));
    if (cited.length > 0 && kinds.every((k) => k !== undefined && SECONDHAND_KINDS.has(k))) {
      const which = cited.map((s) => `${s.id}: ${str(s, 'kind')}`).join('; ');
      report.at(
        e.doc,
        at('sources'),
        e.id,
        `${pathText(['claims', n])}${actor ? ` (${quote(actor)})` : ''} rests only on wiki or aggregator sources (${which}) — a claim is sourced like a control period: add a source of another kind (news, wire, official, study, book…) that reports the claim`,
        'source-kind',
      );
    }
  });
}
