/**
 * Where the map's names and symbols go: every name at its own place, none covering another. Place
 * names beside their dots, the foreign forces at each place (and their caption: "Africa Corps"),
 * region, country and sea names, counterpart cities and the edge labels of arcs that leave the
 * frame. A pure function of screen positions and text sizes: the HTML overlay (over the SVG map
 * and over MapLibre) and the SVG images (svgMap.ts) call it with the same input and draw the same
 * boxes.
 *
 * The rules, in order:
 * 1. Every place is a hit target of TARGET × TARGET px around its dot. Places whose targets would
 *    overlap share one button (a cluster): the most important is its representative; every
 *    member keeps its own dot where it is.
 * 2. A place's name lies within NEAR px of its own point, beside its own dot: a name is never
 *    moved into another place's neighbourhood. A name that must show and finds no room there may
 *    stand a little further (up to LEADER_MAX px), joined to its dot by a leader line, with no
 *    other place's dot near it. Any other name with no room is left out (the "+n" button of its
 *    cluster and the places list still reach it), never displaced.
 * 3. Most important first (lower `priority`): each marker's forces (a box beside the dot) and its
 *    names (rows on one side: east, west, the corners, north, south), then each free text (region,
 *    country and sea names, edge labels) at its anchor or a shift of it, and the forces' captions.
 * 4. Nothing placed may overlap anything placed before it, an obstacle (the map's buttons), or the
 *    frame's edge. A marker's forces always find a place (the last resort is the least-covered
 *    position).
 */
import { Board, MUST_SHOW, distanceToBox, overlaps, roundBox, squareAt, type Box } from './board.ts';
import { BADGE, DOT, FORCE_SIDES, LABEL_SIDES, ROW, ROW_PAD, TARGET, besideBox, forceBox, layoutRows, type PlacedRow, type RowSpec, type Side } from './rows.ts';

export { MUST_SHOW, overlaps, distanceToBox, type Box } from './board.ts';
export { DOT, TARGET, ROW, BADGE, GAP, ROW_PAD, SEP, forceBox, type Side, type PlacedRow } from './rows.ts';

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

/** A name without a dot of its own, centred on `at` or on one of its shifts. */
export interface TextInput {
  id: string;
  at: [number, number];
  w: number;
  h: number;
  priority: number;
  /** Offsets from `at` tried in order (default: none but [0, 0]). */
  shifts?: readonly (readonly [number, number])[];
  /** Placed before everything else: it can only go in one band (the edge labels of arcs at the frame’s edge). */
  early?: boolean;
}

export interface PlacementInput {
  width: number;
  height: number;
  markers: MarkerInput[];
  texts: TextInput[];
  /** Areas nothing may cover: the map's own buttons. */
  obstacles?: Box[];
}

export interface PlacedMarker {
  /** The representative place. */
  id: string;
  /** Every place at this marker, the representative first. */
  members: string[];
  at: [number, number];
  /** The dot's hit target (with the first row, the representative's button). */
  target: Box;
  side: Side | null;
  /** Names shown, the representative's first. */
  rows: PlacedRow[];
  /** The "+n" button listing every member, when some members have no row. */
  badge: Box | null;
  /** Members without a row. */
  hidden: string[];
  /** The box of the forces' symbol (a group with a count when there are several). */
  forces: Box | null;
  forceCount: number;
  /** The forces' caption, beside their symbol, when there was room. */
  caption: Box | null;
  /** The other members' dots, each at its own place. */
  dots: { id: string; at: [number, number] }[];
  interactive: boolean;
}

export interface PlacedText {
  id: string;
  box: Box;
}

export interface Placement {
  markers: PlacedMarker[];
  texts: PlacedText[];
  /** Names with no room (the ids of places, texts and counterpart cities). */
  dropped: string[];
}

/**
 * Places the names and symbols of one view of the map.
 * @example placeLabels({ width: 390, height: 400, markers: [{ id: 'tripoli', at: [80, 60], priority: 0, text: { w: 40, h: 15 } }], texts: [] })
 */
export function placeLabels(input: PlacementInput): Placement {
  // Scrubbing through the months mostly asks the same question again (names do not depend on who
  // holds a place): the last answers are kept. Results are never changed after they are returned.
  const key = JSON.stringify(input, (k, v: unknown) => (k === 'shifts' && Array.isArray(v) ? `${v.length}:${String(v[1])}:${String(v.at(-1))}` : v));
  const hit = memo.get(key);
  if (hit) return hit;
  const placement = placeFresh(input);
  memo.set(key, placement);
  if (memo.size > 64) memo.delete(memo.keys().next().value!);
  return placement;
}
const memo = new Map<string, Placement>();

function placeFresh(input: PlacementInput): Placement {
  // Greedy placement can give a must-show name's room to a name placed before it: then those
  // names go first, and again, a few times; the result with the fewest must-show names left out wins.
  // A result where forces had to overlap something counts as far worse than any missing name.
  let best: { placement: Placement; score: number } | null = null;
  let boosted = new Map<string, number>();
  const priorityOf = new Map([...input.markers, ...input.texts].map((i) => [i.id, i.priority]));
  // Clusters do not change between attempts (their members are chosen by the given priorities), nor do their layouts.
  const layouts: LayoutCache = new Map();
  let before = '';
  for (let attempt = 0; attempt < 4; attempt++) {
    const { placement, forced } = placeOnce(input, boosted, layouts);
    const missing = mustMissing(input, placement);
    // No better than the attempt before: boosting the same names again will not help.
    const key = missing.join();
    if (attempt > 0 && key === before) break;
    before = key;
    // The names every view shows first (priority 0: the seed places, this month's arcs) weigh most.
    const first = missing.filter((id) => (priorityOf.get(id) ?? MUST_SHOW) <= 0).length;
    const score = 1000 * forced + 100 * first + 10 * missing.length + placement.dropped.length / 100;
    if (!best || score < best.score) best = { placement, score };
    if (missing.length === 0 && forced === 0) break;
    // Another go costs a whole layout (a phone's first view waits for it): two in all for the names
    // of places with forces, four when Tripoli, Benghazi, Tobruk or a region is missing.
    if (first === 0 && forced === 0 && attempt >= 1) break;
    boosted = new Map(boosted);
    for (const id of missing) boosted.set(id, (boosted.get(id) ?? 0) - 1);
  }
  return best!.placement;
}

/** Must-show names (priority ≤ MUST_SHOW) a placement left out. */
export function mustMissing(input: PlacementInput, p: Placement): string[] {
  const must = new Set([...input.markers, ...input.texts].filter((i) => i.priority <= MUST_SHOW).map((i) => i.id));
  return p.dropped.filter((id) => must.has(id));
}

type LayoutCache = Map<string, { side: Side; layout: ReturnType<typeof layoutRows> }[]>;

function placeOnce(input: PlacementInput, boosted: Map<string, number>, layouts: LayoutCache = new Map()): { placement: Placement; forced: number } {
  const prio = <T extends { id: string; priority: number }>(i: T): T => (boosted.has(i.id) ? { ...i, priority: boosted.get(i.id)! } : i);
  // Boosting reorders the work, never who represents a cluster: that is the most important place as given.
  const given = new Map(input.markers.map((m) => [m.id, m.priority]));
  input = { ...input, markers: input.markers.map(prio), texts: input.texts.map(prio) };
  const board = new Board(input.width, input.height);
  for (const [i, o] of (input.obstacles ?? []).entries()) board.add(o, `#obstacle${i}`);
  const dropped: string[] = [];

  // 1. Clusters: most important first; a place joins the first cluster whose dot target its own overlaps.
  const order = (list: MarkerInput[]) => list.map((v, i) => ({ v, i })).sort((a, b) => given.get(a.v.id)! - given.get(b.v.id)! || a.i - b.i).map((e) => e.v);
  const clusters: Cluster[] = [];
  for (const m of order(input.markers)) {
    const interactive = m.interactive !== false;
    const target = squareAt(m.at, interactive ? TARGET : CITY_TARGET);
    const home = interactive ? clusters.find((c) => c.rep.interactive !== false && overlaps(c.target, target)) : undefined;
    if (home) home.members.push(m);
    else clusters.push({ rep: m, members: [m], target, layouts });
  }
  const clusterPriority = (c: Cluster) => Math.min(...c.members.map((m) => m.priority));
  for (const c of clusters) {
    const soft = c.rep.interactive !== false && !c.members.some((m) => (m.forces ?? 0) > 0) ? clusterPriority(c) : null;
    board.add(c.target, c.rep.id, soft);
    // The other members' dots: no name, not even their own cluster's, may cover them; a place that
    // need not show may give its dot's room to a more important name.
    for (const m of c.members.slice(1)) board.add(squareAt(m.at, MEMBER_DOT), c.rep.id, needNotShow(m) ? m.priority : soft, true, m.id);
  }

  // 2. Everything else, most important first; at equal priority, markers before free texts. A
  // cluster first names the members that must be named (the others behind its "+n"); the rest of
  // its members get rows later, at their own priority, if there is room then. Captions of forces
  // come after the names that must show, before the others.
  type Job =
    | { kind: 'marker'; c: Cluster; priority: number }
    | { kind: 'expand'; c: Cluster; priority: number }
    | { kind: 'caption'; c: Cluster; priority: number }
    | { kind: 'leader'; c: Cluster; priority: number }
    | { kind: 'text'; t: TextInput; priority: number }
    | { kind: 'early'; t: TextInput; priority: number };
  const firstRows = (c: Cluster) => c.members.filter((m, i) => i === 0 || m.priority <= MUST_SHOW);
  const jobs: Job[] = [
    ...clusters.map((c): Job => ({ kind: 'marker', c, priority: clusterPriority(c) })),
    ...clusters
      .filter((c) => firstRows(c).length < c.members.length)
      .map((c): Job => ({ kind: 'expand', c, priority: Math.min(...c.members.filter((m) => !firstRows(c).includes(m)).map((m) => m.priority)) })),
    ...clusters.filter((c) => c.members.some((m) => m.caption && (m.forces ?? 0) > 0)).map((c): Job => ({ kind: 'caption', c, priority: MUST_SHOW + 0.5 })),
    // After every marker that must show has had its turn beside its dot: those still unnamed, by a leader line.
    ...clusters.filter((c) => c.rep.interactive !== false && c.members.some((m) => m.priority <= MUST_SHOW)).map((c): Job => ({ kind: 'leader', c, priority: MUST_SHOW + 0.25 })),
    ...input.texts.map((t): Job => ({ kind: t.early ? 'early' : 'text', t, priority: t.early ? -1 : t.priority })),
  ];
  const rank = { early: -1, marker: 0, expand: 1, leader: 2, caption: 3, text: 4 };
  const sorted = jobs.map((j, i) => ({ j, i })).sort((a, b) => a.j.priority - b.j.priority || rank[a.j.kind] - rank[b.j.kind] || a.i - b.i);

  const placed = new Map<Cluster, MarkerState>();
  const texts: PlacedText[] = [];
  for (const { j } of sorted) {
    if (j.kind === 'text' || j.kind === 'early') {
      const t = j.t;
      const boxes = (t.shifts ?? [[0, 0]]).map(([dx, dy]) => ({ x: t.at[0] + dx - t.w / 2, y: t.at[1] + dy - t.h / 2, w: t.w, h: t.h }));
      // Room of its own first; else over the dots of less important places.
      let pick: { box: Box; evict: string[] } | null = null;
      for (const evictBelow of [null, t.priority]) {
        for (const box of boxes) {
          const c = board.check([box], t.id, evictBelow);
          if (c.ok) {
            pick = { box, evict: c.evict };
            break;
          }
        }
        if (pick) break;
      }
      if (pick) {
        board.evict(pick.evict);
        board.add(pick.box, t.id);
        texts.push({ id: t.id, box: roundBox(pick.box) });
      } else dropped.push(t.id);
    } else if (board.evicted.has(j.c.rep.id)) continue;
    else if (j.kind === 'marker') {
      board.harden(j.c.rep.id);
      placed.set(j.c, placeMarker(j.c, firstRows(j.c), board, j.priority));
    } else {
      const st = placed.get(j.c);
      if (st && j.kind === 'expand') expandMarker(j.c, st, board);
      else if (st && j.kind === 'leader') placeLeaders(j.c, st, board, input.markers);
      else if (st) placeCaption(j.c, st, board);
    }
  }
  const markers = clusters.filter((c) => !board.evicted.has(c.rep.id)).map((c) => {
    const st = placed.get(c)!;
    // A place whose dot gave way to a more important name has left the map.
    const members = c.members.filter((m) => !board.evicted.has(m.id));
    const named = new Set(st.rows.map((r) => r.id));
    for (const m of c.members) if (!named.has(m.id)) dropped.push(m.id);
    return {
      id: c.rep.id,
      members: members.map((m) => m.id),
      at: c.rep.at,
      target: roundBox(c.target),
      side: st.side,
      rows: st.rows.map((r) => ({ id: r.id, text: roundBox(r.text), hit: roundBox(r.hit), short: r.short, ...(r.leader ? { leader: r.leader.map((v) => Math.round(v * 10) / 10) as PlacedRow['leader'] } : {}) })),
      badge: st.badge ? roundBox(st.badge) : null,
      hidden: members.filter((m) => !named.has(m.id)).map((m) => m.id),
      forces: st.forces ? roundBox(st.forces) : null,
      forceCount: st.forceCount,
      caption: st.caption ? roundBox(st.caption) : null,
      dots: members.slice(1).map((m) => ({ id: m.id, at: m.at })),
      interactive: c.rep.interactive !== false,
    } satisfies PlacedMarker;
  });
  for (const c of clusters) if (board.evicted.has(c.rep.id)) dropped.push(...c.members.map((m) => m.id));
  return { placement: { markers, texts, dropped }, forced: board.forced };
}

const needNotShow = (m: MarkerInput) => m.priority > MUST_SHOW && !((m.forces ?? 0) > 0);

interface Cluster {
  rep: MarkerInput;
  members: MarkerInput[];
  target: Box;
  /** Name layouts already worked out (candidateLayouts), by representative and members. */
  layouts: LayoutCache;
}

interface MarkerState {
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
function fitRows(c: Cluster, members: MarkerInput[], board: Board, avoid: Box | null, evictBelow: number | null = null): { side: Side; layout: ReturnType<typeof layoutRows>; evict: string[] } | null {
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
function candidateLayouts(c: Cluster, members: MarkerInput[]): { side: Side; layout: ReturnType<typeof layoutRows> }[] {
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

function placeMarker(c: Cluster, first: MarkerInput[], board: Board, priority: number): MarkerState {
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
function placeBadge(c: Cluster, st: MarkerState, board: Board): void {
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
function expandMarker(c: Cluster, st: MarkerState, board: Board): void {
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
function nameAlone(c: Cluster, st: MarkerState, board: Board, m: MarkerInput): boolean {
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
function placeCaption(c: Cluster, st: MarkerState, board: Board): void {
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
function placeLeaders(c: Cluster, st: MarkerState, board: Board, all: MarkerInput[]): void {
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
