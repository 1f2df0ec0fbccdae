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
import { Board, MUST_SHOW, overlaps, roundBox, squareAt, type Box } from './board.ts';
import { TARGET, type PlacedRow, type Side } from './rows.ts';
import { CITY_TARGET, MEMBER_DOT, expandMarker, needNotShow, placeCaption, placeLeaders, placeMarker, type Cluster, type LayoutCache, type MarkerInput, type MarkerState } from './markers.ts';

export { MUST_SHOW, overlaps, distanceToBox, type Box } from './board.ts';
export { DOT, TARGET, ROW, BADGE, GAP, ROW_PAD, SEP, forceBox, type Side, type PlacedRow } from './rows.ts';
export { NEAR, CITY_TARGET, MEMBER_DOT, LEADER_MAX, type MarkerInput } from './markers.ts';

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

