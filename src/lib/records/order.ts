/**
 * The order of the record's events, used by the index (and so by every list): by date, with a
 * response right after the claim it answers when their dates share a unit.
 */
import { overlaps } from '../time/interval.ts';

type Dated = { id: string; span: { start: number; end: number }; responds?: string | undefined };

/**
 * Events earliest first, except that a response whose date shares a unit with the claim it
 * answers comes right after that claim: a denial dated "May 2020" follows the claim of
 * "26 May 2020", which a sort by start alone would put after it. Ties keep id order.
 * @example chronological([denialOfMay2020, claimOf26May2020]).map((e) => e.id) // ['claim…', 'denial…']
 */
export function chronological<E extends Dated>(events: readonly E[]): E[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const keys = new Map<string, [key: number, depth: number]>();
  const keyOf = (e: E, seen: Set<string>): [number, number] => {
    const known = keys.get(e.id);
    if (known) return known;
    const claim = e.responds !== undefined ? byId.get(e.responds) : undefined;
    let k: [number, number] = [e.span.start, 0];
    if (claim && !seen.has(claim.id) && overlaps(e.span, claim.span)) {
      const [ck, cd] = keyOf(claim, new Set([...seen, e.id]));
      k = [Math.max(e.span.start, ck), cd + 1];
    }
    keys.set(e.id, k);
    return k;
  };
  for (const e of events) keyOf(e, new Set([e.id]));
  return [...events].sort((a, b) => {
    const [ka, da] = keys.get(a.id)!;
    const [kb, db] = keys.get(b.id)!;
    // Ids are ASCII: code-point order, without loading a collator on the first view.
    return ka - kb || da - db || a.span.start - b.span.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}
