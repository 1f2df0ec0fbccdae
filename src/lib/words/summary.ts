/**
 * The map in words, short: one sentence on who holds the three regions (grouped by holder) and one
 * on which foreign forces are present, for the compact embed. The full status text (statusText.ts)
 * stays one step away. Reads the view of the month, like the status text.
 */
import type { AtlasIndex } from '../records/atlasIndex.ts';
import type { AtlasView } from '../records/view.ts';
import type { Translator } from '../i18n/i18n.ts';
import { holderWords } from './statusText.ts';
import { actorShort, placeName } from './names.ts';

/**
 * @example summarySentences(index, tr, viewAt(index, monthIndex(2019, 6)))
 * // ['Tripolitania contested (GNA and LNA); LNA holds Cyrenaica and Fezzan.', 'Foreign forces present: Wagner Group, Turkey.']
 */
export function summarySentences(index: AtlasIndex, tr: Translator, view: AtlasView): string[] {
  const who = (id: string) => actorShort(index, tr, id);
  // Regions grouped by what is true of them, in the order each group first appears.
  const groups = new Map<string, { kind: 'holds' | 'contested' | 'none' | 'divided'; vars: string; regions: string[] }>();
  const add = (key: string, kind: 'holds' | 'contested' | 'none' | 'divided', vars: string, region: string) => {
    const g = groups.get(key) ?? { kind, vars, regions: [] };
    g.regions.push(placeName(index, tr, region));
    groups.set(key, g);
  };
  for (const r of view.regions) {
    if (r.zones.length > 0) add(`divided:${r.id}`, 'divided', holderWords(index, tr, r), r.id);
    else if (!r.holder) add('none', 'none', '', r.id);
    else if (r.contested) {
      const names = tr.list(r.parties.map(who));
      add(`contested:${names}`, 'contested', names, r.id);
    } else if (r.claims.length > 0) add(`holds:${r.holder}:${r.claims.join()}`, 'holds', holderWords(index, tr, r), r.id);
    else add(`holds:${r.holder}`, 'holds', who(r.holder), r.id);
  }
  const clauses = [...groups.values()].map((g) => {
    const regions = tr.list(g.regions);
    if (g.kind === 'holds') return tr.t('summary.holds', { holder: g.vars, regions });
    if (g.kind === 'contested') return tr.t('summary.contested', { regions, holders: g.vars });
    if (g.kind === 'divided') return tr.t('summary.divided', { regions, zones: g.vars });
    return tr.t('summary.none', { regions });
  });
  const control = `${clauses.join(tr.t('status.listSep'))}.`;

  const forces = view.legend.forces.map(who);
  const presence = forces.length === 0 ? tr.t('status.noForces') : tr.t('summary.forces', { list: tr.list(forces) });
  return [control, presence];
}
