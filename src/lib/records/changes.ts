/**
 * What differs between two views of the month (records/view.ts): the holding of each region and
 * place, and the foreign forces that arrived or left. Reads the views only: no dates here.
 */
import type { AreaState, AtlasView, ForceState } from './view.ts';
import type { PresenceRecord, Timed } from './types.ts';

/** How a region or place is held, as a comparable value: who, or who contests it, or how it is divided. */
export type Holding =
  | { kind: 'none' }
  | { kind: 'held'; actor: string }
  | { kind: 'contested'; actors: string[] }
  | { kind: 'divided'; zones: { id: string; holding: Holding }[] };

export function holdingOf(a: AreaState): Holding {
  if (a.zones.length > 0) return { kind: 'divided', zones: a.zones.map((z) => ({ id: z.id, holding: holdingOf(z) })) };
  if (!a.holder) return { kind: 'none' };
  if (a.contested) return { kind: 'contested', actors: [...a.parties].sort() };
  return { kind: 'held', actor: a.holder };
}

export const holdingKey = (h: Holding): string =>
  h.kind === 'none' ? '-' : h.kind === 'held' ? h.actor : h.kind === 'contested' ? `~${h.actors.join(',')}` : `/${h.zones.map((z) => `${z.id}=${holdingKey(z.holding)}`).join(';')}`;

export interface Changes {
  /** Regions and places whose holding differs, with before and after. */
  control: { id: string; before: Holding; after: Holding }[];
  /** Presences there in `to` and not in `from`, and the reverse (by force and place). */
  arrived: Timed<PresenceRecord>[];
  left: Timed<PresenceRecord>[];
}

/**
 * What differs between two views: holders of regions and places, and foreign forces (a force is
 * the same force at the same place whatever its record).
 */
export function changesBetween(from: AtlasView, to: AtlasView): Changes {
  const control: Changes['control'] = [];
  const before = new Map([...from.regions, ...from.places].map((a) => [a.id, holdingOf(a)]));
  for (const a of [...to.regions, ...to.places]) {
    const b = before.get(a.id) ?? { kind: 'none' as const };
    const after = holdingOf(a);
    if (holdingKey(b) !== holdingKey(after)) control.push({ id: a.id, before: b, after });
  }
  const key = (p: PresenceRecord) => `${p.actor}@${p.place}`;
  const was = new Set(from.forces.map((f) => key(f.presence)));
  const is = new Set(to.forces.map((f) => key(f.presence)));
  const firstOf = (list: ForceState[], keep: (k: string) => boolean) => {
    const seen = new Set<string>();
    return list.filter((f) => keep(key(f.presence)) && !seen.has(key(f.presence)) && seen.add(key(f.presence))).map((f) => f.presence);
  };
  return { control, arrived: firstOf(to.forces, (k) => !was.has(k)), left: firstOf(from.forces, (k) => !is.has(k)) };
}

