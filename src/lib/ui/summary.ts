/**
 * The map in words, short: one sentence on who holds the three regions (grouped by holder) and one
 * on which foreign forces are present, for the compact embed. The full status text (statusText.ts)
 * stays one step away. Reads controlAt/presenceAt like the status text does.
 */
import { controlAt, presenceAt, type AtlasIndex } from '../records/selectors.ts';
import type { Translator } from '../i18n/i18n.ts';
import { actorShort, placeName } from './statusText.ts';

/**
 * @example summarySentences(index, tr, monthIndex(2019, 6))
 * // ['Tripolitania contested (GNA and LNA); LNA holds Cyrenaica and Fezzan.', 'Foreign forces present: Wagner Group, Turkey.']
 */
export function summarySentences(index: AtlasIndex, tr: Translator, t: number): string[] {
  const who = (id: string) => actorShort(index, tr, id);
  // Regions grouped by what is true of them, in the order each group first appears.
  const groups = new Map<string, { kind: 'holds' | 'contested' | 'none'; vars: string; regions: string[] }>();
  const add = (key: string, kind: 'holds' | 'contested' | 'none', vars: string, region: string) => {
    const g = groups.get(key) ?? { kind, vars, regions: [] };
    g.regions.push(placeName(index, tr, region));
    groups.set(key, g);
  };
  for (const region of index.regionIds) {
    const c = controlAt(index, region, t);
    if (!c.current) add('none', 'none', '', region);
    else if (c.contested) {
      const holders = new Set<string>();
      for (const p of c.periods.filter((p) => p.contested)) {
        holders.add(p.actor);
        for (const a of p.contestedBy ?? []) holders.add(a);
      }
      const names = tr.list([...holders].map(who));
      add(`contested:${names}`, 'contested', names, region);
    } else add(`holds:${c.current.actor}`, 'holds', who(c.current.actor), region);
  }
  const clauses = [...groups.values()].map((g) => {
    const regions = tr.list(g.regions);
    if (g.kind === 'holds') return tr.t('summary.holds', { holder: g.vars, regions });
    if (g.kind === 'contested') return tr.t('summary.contested', { regions, holders: g.vars });
    return tr.t('summary.none', { regions });
  });
  const control = `${clauses.join(tr.t('status.listSep'))}.`;

  const forces = [...new Set(presenceAt(index, t).map((p) => p.actor))].map(who);
  const presence = forces.length === 0 ? tr.t('status.noForces') : tr.t('summary.forces', { list: tr.list(forces) });
  return [control, presence];
}
