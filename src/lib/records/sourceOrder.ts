/**
 * The order in which a record's sources are shown: the strongest first. Official documents and
 * wires, then the press, then analyses, studies and books, then encyclopaedias, wikis and
 * aggregators (copies of others' texts). Within a tier a source that speaks for a party
 * (`aligned`) follows the independent ones; otherwise the data's order is kept. The data files
 * are not reordered (that would be a correction of every published record): lists sort at load.
 */
import type { SourceDoc } from './types.ts';

export type SourceKind = SourceDoc['kind'];

/** Lower is stronger. */
export const KIND_TIER: Record<SourceKind, number> = {
  official: 0,
  wire: 0,
  news: 1,
  analysis: 2,
  study: 2,
  book: 2,
  encyclopedia: 3,
  wiki: 3,
  aggregator: 3,
};

/** The catalog key of a kind's name, e.g. "source.kind.wire" ("news agency"). */
export const kindKey = <K extends SourceKind>(kind: K): `source.kind.${K}` => `source.kind.${kind}`;

const rank = (doc: Pick<SourceDoc, 'kind' | 'aligned'>): number => (KIND_TIER[doc.kind] ?? 3) * 2 + (doc.aligned === undefined ? 0 : 1);

/**
 * The items strongest source first; a stable sort, so items of one rank keep their order.
 * @example strongestFirst([{ doc: wiki }, { doc: wire }]) // [{ doc: wire }, { doc: wiki }]
 */
export function strongestFirst<T extends { doc: Pick<SourceDoc, 'kind' | 'aligned'> }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i, r: rank(item.doc) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ item }) => item);
}
