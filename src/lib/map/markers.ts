/**
 * One marker of the placement (placement.ts): a place's dot, or a cluster of places that share one
 * button, with its names, its "+n" button, its forces' symbol and their caption, set around the dot
 * on the board. Every name lies within NEAR px of its own place's point, or (a name that must show)
 * on a leader line a little further; none is ever moved next to another place.
 */
import { Board, MUST_SHOW, distanceToBox, overlaps, squareAt, type Box } from './board.ts';
import { BADGE, DOT, FORCE_SIDES, LABEL_SIDES, ROW, ROW_PAD, TARGET, besideBox, forceBox, layoutRows, type PlacedRow, type RowSpec, type Side } from './rows.ts';

/** A name's box lies within this many px of its own place's point. */
export const NEAR = 24;
/** A counterpart city's dot (not a button). */
export const CITY_TARGET = 8;
/** The visible dot of a place that shares its cluster's button (it blocks names, as a dot does). */
export const MEMBER_DOT = DOT;
/** A forces' caption lies within this many px of the forces' symbol. */
const CAPTION_NEAR = 6;
/** A name that must show and finds no room beside its place may stand this far away, joined to it by a line. */
export const LEADER_MAX = 56;

/** A point with a name: a place (interactive, with a dot) or a counterpart city (not interactive). */
export interface MarkerInput {
  id: string;
  /** Screen position (CSS px). */
  at: [number, number];
  /** Placed in this order, lowest first; at or below MUST_SHOW the name must stay visible. */
  priority: number;
  /** Size of the name's text. */
  text: { w: number; h: number };
  /** Size of a shorter form of the name ("al-Khadim" for "al-Khadim air base"), tried when the full one finds no room. */
  short?: { w: number; h: number };
  /** Foreign forces present at this place (0 for none). */
  forces?: number;
  /** Draw the forces' symbol on the place itself, in place of its dot (a base whose story is its forces). */
  forcesOnDot?: boolean;
  /** Places are hit targets and share a marker when their targets overlap; counterpart cities are neither. */
  interactive?: boolean;
  /** Size of the caption that names the forces ("Africa Corps"), placed beside their symbol when there is room. */
  caption?: { w: number; h: number };
}

export type LayoutCache = Map<string, { side: Side; layout: ReturnType<typeof layoutRows> }[]>;

export const needNotShow = (m: MarkerInput) => m.priority > MUST_SHOW && !((m.forces ?? 0) > 0);

export interface Cluster {
  rep: MarkerInput;
  members: MarkerInput[];
  target: Box;
  /** Name layouts already worked out (candidateLayouts), by representative and members. */
  layouts: LayoutCache;
}

export interface MarkerState {
  side: Side | null;
  rows: PlacedRow[];
  badge: Box | null;
  /** Every box the names and badge cover (on the board). */
  boxes: Box[];
  forces: Box | null;
  forceCount: number;
  caption: Box | null;
}

const spec = (m: MarkerInput, short = false): RowSpec => (short && m.short ? { id: m.id, ...m.short, short: true } : { id: m.id, ...m.text, short: false });

/** Is every name of this layout beside its own place (within NEAR px of its point)? */
function atTheirPlaces(rows: PlacedRow[], members: MarkerInput[]): boolean {
  return rows.every((r) => {
    const m = members.find((x) => x.id === r.id);
    return !m || distanceToBox(m.at, r.text) <= NEAR;
  });
}

/** The first side where rows naming these members fit, each name beside its own place, avoiding `avoid`. */
export function fitRows(c: Cluster, members: MarkerInput[], board: Board, avoid: Box | null, evictBelow: number | null = null): { side: Side; layout: ReturnType<typeof layoutRows>; evict: string[] } | null {
  members = members.filter((m) => !board.evicted.has(m.id));
  if (members.length === 0) return null;
  for (const { side, layout } of candidateLayouts(c, members)) {
    if (avoid && layout.all.some((b) => overlaps(avoid, b))) continue;
    const ok = board.check(layout.all, c.rep.id, evictBelow);
    if (ok.ok) return { side, layout, evict: ok.evict };
  }
  return null;
}

/**
 * Every way to set these members' names beside the cluster's dot with each name at its own place,
 * in order of preference: full names, then short ones; stacked rows, then side by side in one row
 * (where there is room across but not down); each side in LABEL_SIDES order. They do not depend on
 * what else is on the map, so they are worked out once per cluster.
 */
export function candidateLayouts(c: Cluster, members: MarkerInput[]): { side: Side; layout: ReturnType<typeof layoutRows> }[] {
  const key = `${c.rep.id}|${members.map((m) => m.id).join(',')}`;
  let list = c.layouts.get(key);
  if (list) return list;
  list = [];
  const forms = members.some((m) => m.short) ? [false, true] : [false];
  const modes = members.length > 1 ? [false, true] : [false];
  for (const short of forms) {
    const rows = members.map((m) => spec(m, short));
    for (const line of modes) {
      for (const side of LABEL_SIDES) {
        const layout = layoutRows(c.target, side, rows, false, line);
        if (atTheirPlaces(layout.rows, members)) list.push({ side, layout });
      }
    }
  }
  c.layouts.set(key, list);
  return list;
}

export function placeMarker(c: Cluster, first: MarkerInput[], board: Board, priority: number): MarkerState {
  const owner = c.rep.id;
  const forceCount = c.members.reduce((s, m) => s + (m.forces ?? 0), 0);
  const fb = forceBox(forceCount);
  // Row sets, most complete first: the names that must show (all members if they all must); the representative alone; none.
  const sets: MarkerInput[][] = [first];
  if (first.length > 1) sets.push([c.rep]);
  sets.push([]);

  // The forces' symbol touches the place's visible dot (inside its hit target): as near its place as it can be.
  const dot = squareAt(c.rep.at, DOT);
  const onDot = { x: c.rep.at[0] - fb.w / 2, y: c.rep.at[1] - fb.h / 2, w: fb.w, h: fb.h };
  const forceCands = forceCount > 0 ? [...(c.rep.forcesOnDot ? [onDot] : []), ...FORCE_SIDES.map((s) => besideBox(dot, s, fb.w, fb.h))] : [null];
  let chosen: { side: Side | null; layout: ReturnType<typeof layoutRows> | null; forces: Box | null; evict: string[] } | null = null;
  // Room of its own first; else (a name that must show) over the dots of less important places.
  const modes = priority <= MUST_SHOW ? [null, priority] : [null];
  for (const rows of sets) {
    for (const evictBelow of modes) {
      for (const forces of forceCands) {
        const fcheck = forces ? board.check([forces], owner, evictBelow) : { ok: true, evict: [] };
        if (!fcheck.ok) continue;
        const fit = fitRows(c, rows, board, forces, evictBelow);
        if (fit) chosen = { side: fit.side, layout: fit.layout, forces, evict: [...fcheck.evict, ...fit.evict] };
        else if (rows.length === 0) chosen = { side: null, layout: null, forces, evict: fcheck.evict };
        if (chosen) break;
      }
      if (chosen) break;
    }
    if (chosen) break;
  }
  // No room for a name or a badge: the dot and its forces alone (one step further out if need be).
  if (!chosen && forceCount > 0) {
    const further = [...forceCands, ...FORCE_SIDES.map((s) => besideBox(c.target, s, fb.w, fb.h))];
    for (const evictBelow of modes) {
      const forces = further.find((f) => f && board.check([f], owner, evictBelow).ok);
      if (forces) {
        chosen = { side: null, layout: null, forces, evict: board.check([forces], owner, evictBelow).evict };
        break;
      }
    }
  }
  if (!chosen) {
    // No room even for the forces alone: the least-covered position (the unit tests watch for it).
    const forces = forceCands.reduce((best, f) => (f && best && board.cost(f, owner) < board.cost(best, owner) ? f : best), forceCands[0] ?? null);
    if (forces) board.forced++;
    chosen = { side: null, layout: null, forces, evict: [] };
  }
  board.evict(chosen.evict);
  const boxes = chosen.layout?.all ?? [];
  for (const b of boxes) board.add(b, owner);
  if (chosen.forces) board.add(chosen.forces, owner);
  const st: MarkerState = { side: chosen.side, rows: chosen.layout?.rows ?? [], badge: null, boxes, forces: chosen.forces, forceCount, caption: null };
  placeBadge(c, st, board);
  return st;
}

/**
 * The "+n" button that lists every place of a cluster, when some have no name on the map: beside
 * the cluster's first name, else beside its dot, wherever there is room (none: the places list
 * still names them).
 */
export function placeBadge(c: Cluster, st: MarkerState, board: Board): void {
  if (st.badge) {
    board.remove([st.badge]);
    st.boxes = st.boxes.filter((b) => b !== st.badge);
    st.badge = null;
  }
  const unnamed = c.members.some((m) => !board.evicted.has(m.id) && !st.rows.some((r) => r.id === m.id));
  if (!unnamed) return;
  const first = st.rows[0]?.hit;
  const spots = [...(first ? [besideBox(first, 'e', BADGE, BADGE), besideBox(first, 'w', BADGE, BADGE)] : []), ...FORCE_SIDES.map((s) => besideBox(c.target, s, BADGE, BADGE))];
  // Not over its own marker's dot, names or forces either: checked as if it were another's.
  const spot = spots.find((b) => board.free(b, `badge:${c.rep.id}`));
  if (!spot) return;
  board.add(spot, c.rep.id);
  st.badge = spot;
  st.boxes = [...st.boxes, spot];
}

/** Names every member of a cluster in rows of their own, if they fit now; else each that can, beside its own dot. */
export function expandMarker(c: Cluster, st: MarkerState, board: Board): void {
  board.remove(st.boxes);
  const fit = fitRows(c, c.members, board, st.forces);
  if (fit) {
    st.side = fit.side;
    st.rows = fit.layout.rows;
    st.boxes = fit.layout.all;
    st.badge = null;
  }
  for (const b of st.boxes) board.add(b, c.rep.id);
  if (!fit) for (const m of c.members) if (!board.evicted.has(m.id) && !st.rows.some((r) => r.id === m.id)) nameAlone(c, st, board, m);
  placeBadge(c, st, board);
}

/**
 * A member of a cluster named on its own, beside its own dot (not the cluster's): where the
 * cluster's rows could not take it. Its row is its button. True when it found room.
 */
export function nameAlone(c: Cluster, st: MarkerState, board: Board, m: MarkerInput): boolean {
  const frame = squareAt(m.at, TARGET);
  for (const short of m.short ? [false, true] : [false]) {
    for (const side of LABEL_SIDES) {
      const layout = layoutRows(frame, side, [spec(m, short)], false);
      if (!atTheirPlaces(layout.rows, [m]) || (st.forces && layout.all.some((b) => overlaps(st.forces!, b)))) continue;
      // Not over its own dot or any other: check it as if it were another marker's.
      if (!board.check(layout.all, `alone:${m.id}`).ok) continue;
      for (const b of layout.all) board.add(b, c.rep.id);
      st.rows = [...st.rows, ...layout.rows];
      st.boxes = [...st.boxes, ...layout.all];
      return true;
    }
  }
  return false;
}

/** The forces' caption beside their symbol, on the first side with room; none when there is none. */
export function placeCaption(c: Cluster, st: MarkerState, board: Board): void {
  const size = c.members.find((m) => m.caption && (m.forces ?? 0) > 0)?.caption;
  if (!st.forces || !size) return;
  const sym = st.forces;
  for (const side of ['e', 'w', 'n', 's', 'ne', 'se', 'nw', 'sw'] as Side[]) {
    const box = besideBox(sym, side, size.w + 4, size.h);
    if (distanceToBox([sym.x + sym.w / 2, sym.y + sym.h / 2], box) > sym.w / 2 + CAPTION_NEAR) continue;
    // Its own marker's names and symbols are in its way too.
    if (board.free(box, `caption:${c.rep.id}`)) {
      board.add(box, c.rep.id);
      st.caption = box;
      return;
    }
  }
}

/** Directions tried for a name on a leader line, east first, then round the compass. */
const LEADER_DIRS = Array.from({ length: 16 }, (_, i) => {
  const a = (i % 2 === 0 ? i / 2 : 16 - (i + 1) / 2) * (Math.PI / 8);
  return [Math.cos(a), Math.sin(a)] as const;
});

/** Does the segment p → q cross the box? (Liang–Barsky clipping.) */
function segmentHits(p: readonly [number, number], q: readonly [number, number], b: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  for (const [den, num] of [[-dx, p[0] - b.x], [dx, b.x + b.w - p[0]], [-dy, p[1] - b.y], [dy, b.y + b.h - p[1]]] as const) {
    if (den === 0) {
      if (num < 0) return false;
    } else {
      const t = num / den;
      if (den < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/**
 * Names that must show and found no room beside their dot: set a little away on a leader line,
 * where no other place's dot is close to the name, and the line crosses nothing.
 */
export function placeLeaders(c: Cluster, st: MarkerState, board: Board, all: MarkerInput[]): void {
  for (const m of c.members) {
    if (m.priority > MUST_SHOW || st.rows.some((r) => r.id === m.id) || board.evicted.has(m.id)) continue;
    if (nameAlone(c, st, board, m)) continue;
    const others = all.filter((o) => o.id !== m.id && !board.evicted.has(o.id));
    let found: PlacedRow | null = null;
    for (let d = NEAR; d <= LEADER_MAX && !found; d += 8) {
      for (const [ux, uy] of LEADER_DIRS) {
        const w = m.text.w + 2 * ROW_PAD;
        // The row's box: its nearest point to the dot at distance d along (ux, uy).
        const cx = m.at[0] + ux * (d + w / 2);
        const cy = m.at[1] + uy * (d + ROW / 2);
        const hit: Box = { x: cx - w / 2, y: cy - ROW / 2, w, h: ROW };
        const text: Box = { x: hit.x + ROW_PAD, y: hit.y + (ROW - m.text.h) / 2, w: m.text.w, h: m.text.h };
        // Not in another place's neighbourhood: no other dot close to it (the line says whose it is).
        if (others.some((o) => distanceToBox(o.at, text) < NEAR / 2)) continue;
        // The line runs from the dot's edge to the row's nearest point.
        const end: [number, number] = [Math.min(Math.max(m.at[0], hit.x), hit.x + hit.w), Math.min(Math.max(m.at[1], hit.y), hit.y + hit.h)];
        const len = Math.hypot(end[0] - m.at[0], end[1] - m.at[1]);
        if (len < DOT) continue;
        const start: [number, number] = [m.at[0] + ((end[0] - m.at[0]) / len) * (DOT / 2), m.at[1] + ((end[1] - m.at[1]) / len) * (DOT / 2)];
        if (!board.check([hit], `leader:${m.id}`).ok) continue;
        if (board.crosses(start, end, c.rep.id, segmentHits)) continue;
        found = { id: m.id, text, hit, short: false, leader: [start[0], start[1], end[0], end[1]] };
        break;
      }
    }
    if (!found) continue;
    board.add(found.hit, c.rep.id);
    board.addLine(found.leader!, c.rep.id);
    st.rows = [...st.rows, found];
    st.boxes = [...st.boxes, found.hit];
    placeBadge(c, st, board);
  }
}
