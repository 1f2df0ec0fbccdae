/**
 * Where the map's names and symbols go, so that none covers another: place names beside their
 * dots, the foreign forces at each place, region, country and sea names, counterpart cities and
 * the edge labels of arcs that leave the frame. A pure function of screen positions and text
 * sizes: the HTML overlay (over the SVG map and over MapLibre) and the SVG images (svgMap.ts)
 * call it with the same input and draw the same boxes.
 *
 * The rules, in order:
 * 1. Every place is a hit target of TARGET × TARGET px around its dot. Places whose targets would
 *    overlap share one marker (a cluster): the most important is its representative, and the
 *    others are named in extra rows beside it or behind a "+n" badge that lists them all.
 * 2. Then, most important first (lower `priority`): each marker's forces (a box beside the dot) and
 *    its names (rows on one side: east, west, the corners, north, south), and each free text
 *    (region names, country and sea names, edge labels) at its anchor or a shift of it.
 * 3. Nothing placed may overlap anything placed before it, an obstacle (the map's buttons), or the
 *    frame's edge. A name that finds no room is dropped (the places list still names it); a
 *    marker's forces always find a place (the last resort is the least-covered position).
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Side = 'e' | 'w' | 'ne' | 'se' | 'nw' | 'sw' | 'n' | 's' | 'nr' | 'nl' | 'sr' | 'sl';

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
  /** Places are hit targets and share a marker when their targets overlap; counterpart cities are neither. */
  interactive?: boolean;
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
}

export interface PlacementInput {
  width: number;
  height: number;
  markers: MarkerInput[];
  texts: TextInput[];
  /** Areas nothing may cover: the map's own buttons. */
  obstacles?: Box[];
}

export interface PlacedRow {
  /** The place this row names. */
  id: string;
  /** The text's box. */
  text: Box;
  /** The row's hit target (the representative's button is this and the dot's target together). */
  hit: Box;
  /** The short form of the name is shown. */
  short: boolean;
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

/** Side of a place's hit target, and the height of a row of names (WCAG 2.5.8: at least 24 × 24 px). */
export const TARGET = 24;
export const ROW = 24;
/** The "+n" button at the end of a cluster's first row. */
export const BADGE = 24;
/** Space between a name and its badge, and inside a row around its text. */
export const GAP = 2;
export const ROW_PAD = 3;
/** Between two names side by side in one row (a separator dot is drawn there). */
export const SEP = 10;
/** Dots closer than this to touching share one (a gap too thin for a name or a force between them). */
export const CLUSTER_MARGIN = 0;
/** A counterpart city's dot (not a button). */
export const CITY_TARGET = 8;
/** Names at or below this priority must stay visible (seed places, places with forces, counterparts). */
export const MUST_SHOW = 1;
/** How far from the frame's edge a name must stay. */
export const MARGIN = 2;

/** The box of a place's forces: one symbol, or a group of several with its count. */
export function forceBox(count: number): { w: number; h: number } {
  return count <= 1 ? { w: TARGET, h: TARGET } : { w: 38, h: TARGET };
}

const LABEL_SIDES: Side[] = ['e', 'w', 'ne', 'se', 'nw', 'sw', 'n', 's', 'nr', 'sr', 'nl', 'sl'];
const FORCE_SIDE_LIST: Side[] = ['n', 's', 'w', 'e', 'nw', 'ne', 'sw', 'se'];

export const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const area = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
export const union = (a: Box, b: Box): Box => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
};
const round = (b: Box): Box => ({ x: Math.round(b.x * 10) / 10, y: Math.round(b.y * 10) / 10, w: Math.round(b.w * 10) / 10, h: Math.round(b.h * 10) / 10 });

/**
 * Boxes placed so far, with their owner (a marker never collides with its own dot). The dot of a
 * place that need not be named (priority above MUST_SHOW) and is not placed yet is "soft": a more
 * important name may take its room, and that place then leaves the map (the places list still
 * names it).
 */
class Board {
  private items: { box: Box; owner: string; soft: number | null }[] = [];
  /** Places taken off the map to make room. */
  readonly evicted = new Set<string>();
  /** Boxes that found no free room and were put where they cover least. */
  forced = 0;
  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {}
  add(box: Box, owner: string, soft: number | null = null) {
    this.items.push({ box, owner, soft });
  }
  remove(boxes: Box[]) {
    this.items = this.items.filter((i) => !boxes.includes(i.box));
  }
  /** The owner's dot is no longer soft (it is being placed). */
  harden(owner: string) {
    for (const i of this.items) if (i.owner === owner) i.soft = null;
  }
  inside(b: Box): boolean {
    return b.x >= MARGIN && b.y >= MARGIN && b.x + b.w <= this.width - MARGIN && b.y + b.h <= this.height - MARGIN;
  }
  /**
   * Can these boxes go here? Strictly (nothing of anyone else's under them), or, for a name of
   * priority `evictBelow`, over the soft dots of less important places: which ones, then.
   */
  check(boxes: Box[], owner: string, evictBelow: number | null = null): { ok: boolean; evict: string[] } {
    const evict = new Set<string>();
    for (const b of boxes) {
      if (!this.inside(b)) return { ok: false, evict: [] };
      for (const i of this.items) {
        if (i.owner === owner || !overlaps(i.box, b)) continue;
        if (evictBelow !== null && i.soft !== null && i.soft > Math.max(MUST_SHOW, evictBelow)) evict.add(i.owner);
        else return { ok: false, evict: [] };
      }
    }
    return { ok: true, evict: [...evict] };
  }
  free(b: Box, owner: string): boolean {
    return this.check([b], owner).ok;
  }
  evict(owners: string[]) {
    for (const o of owners) {
      this.evicted.add(o);
      this.items = this.items.filter((i) => i.owner !== o);
    }
  }
  /** How much of `b` is covered or outside the frame (for a last resort). */
  cost(b: Box, owner: string): number {
    const inside = Math.max(0, Math.min(b.x + b.w, this.width) - Math.max(b.x, 0)) * Math.max(0, Math.min(b.y + b.h, this.height) - Math.max(b.y, 0));
    return b.w * b.h - inside + this.items.reduce((s, i) => s + (i.owner === owner ? 0 : area(i.box, b)), 0);
  }
}

const grow = (b: Box, d: number): Box => ({ x: b.x - d, y: b.y - d, w: b.w + 2 * d, h: b.h + 2 * d });

/** The box of a place's forces, w × h, on `side` of the dot's target (touching a corner on the diagonals). */
function forceAt(t: Box, side: Side, w: number, h: number): Box {
  const cx = t.x + t.w / 2;
  const cy = t.y + t.h / 2;
  switch (side) {
    case 'e': return { x: t.x + t.w, y: cy - h / 2, w, h };
    case 'w': return { x: t.x - w, y: cy - h / 2, w, h };
    case 'n': return { x: cx - w / 2, y: t.y - h, w, h };
    case 's': return { x: cx - w / 2, y: t.y + t.h, w, h };
    case 'ne': return { x: t.x + t.w, y: t.y - h, w, h };
    case 'nw': return { x: t.x - w, y: t.y - h, w, h };
    case 'se': return { x: t.x + t.w, y: t.y + t.h, w, h };
    case 'sw': return { x: t.x - w, y: t.y + t.h, w, h };
    default: return { x: cx - w / 2, y: side[0] === 'n' ? t.y - h : t.y + t.h, w, h };
  }
}

interface RowSpec {
  id: string;
  w: number;
  h: number;
  short: boolean;
}

/** Where a side puts the rows: their horizontal alignment, the first row's top, and which way further rows go. */
function rowFrame(t: Box, side: Side): { align: 'left' | 'right' | 'centre' | 'start' | 'end'; top0: number; dir: 1 | -1 } {
  const cy = t.y + t.h / 2;
  switch (side) {
    case 'e': return { align: 'left', top0: cy - ROW / 2, dir: 1 };
    case 'w': return { align: 'right', top0: cy - ROW / 2, dir: 1 };
    case 'ne': return { align: 'left', top0: cy - ROW, dir: -1 };
    case 'se': return { align: 'left', top0: cy, dir: 1 };
    case 'nw': return { align: 'right', top0: cy - ROW, dir: -1 };
    case 'sw': return { align: 'right', top0: cy, dir: 1 };
    case 'n': return { align: 'centre', top0: t.y - ROW, dir: -1 };
    case 's': return { align: 'centre', top0: t.y + t.h, dir: 1 };
    // Above or below, running on from the dot's left edge (r) or ending at its right edge (l).
    case 'nr': return { align: 'start', top0: t.y - ROW, dir: -1 };
    case 'sr': return { align: 'start', top0: t.y + t.h, dir: 1 };
    case 'nl': return { align: 'end', top0: t.y - ROW, dir: -1 };
    case 'sl': return { align: 'end', top0: t.y + t.h, dir: 1 };
  }
}

/**
 * The names of a marker on one side of its target: stacked in rows (`line` false), the first next
 * to the dot and the others further out, or side by side in one row (`line`), the first nearest
 * the dot; the "+n" badge at the outer end of the first row. Returns each name's text and hit
 * boxes and every box the block covers.
 */
function layoutRows(t: Box, side: Side, rows: RowSpec[], badge: boolean, line = false): { rows: PlacedRow[]; badge: Box | null; all: Box[] } {
  const { align, top0, dir } = rowFrame(t, side);
  const cx = t.x + t.w / 2;
  const west = align === 'right' || align === 'end';
  const lines: RowSpec[][] = line ? [rows] : rows.length > 0 ? rows.map((r) => [r]) : [[]];
  const out: PlacedRow[] = [];
  const all: Box[] = [];
  let badgeBox: Box | null = null;
  lines.forEach((segs, i) => {
    const withBadge = i === 0 && badge;
    const widths = segs.map((r) => r.w + 2 * ROW_PAD);
    const textW = widths.reduce((a, b) => a + b, 0) + SEP * Math.max(0, segs.length - 1);
    const w = textW + (withBadge ? (segs.length > 0 ? GAP : 0) + BADGE : 0);
    const top = top0 + dir * ROW * i;
    const left = align === 'left' ? t.x + t.w : align === 'right' ? t.x - w : align === 'start' ? t.x : align === 'end' ? t.x + t.w - w : cx - w / 2;
    if (withBadge) {
      badgeBox = { x: west ? left : left + w - BADGE, y: top, w: BADGE, h: ROW };
      all.push(badgeBox);
    }
    // Left to right; on the west side the first name is the rightmost, next to the dot.
    const order = segs.map((r, k) => ({ r, w: widths[k]! }));
    if (west) order.reverse();
    let x = withBadge && west ? left + BADGE + GAP : left;
    for (const { r, w: sw } of order) {
      const hit: Box = { x, y: top, w: sw, h: ROW };
      out.push({ id: r.id, text: { x: x + ROW_PAD, y: top + (ROW - r.h) / 2, w: r.w, h: r.h }, hit, short: r.short });
      all.push(hit);
      x += sw + SEP;
    }
  });
  // The representative first, whatever the order on screen.
  out.sort((a, b) => rows.findIndex((r) => r.id === a.id) - rows.findIndex((r) => r.id === b.id));
  return { rows: out, badge: badgeBox, all };
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
  for (let attempt = 0; attempt < 12; attempt++) {
    const { placement, forced } = placeOnce(input, boosted);
    const missing = mustMissing(input, placement);
    const score = 1000 * forced + 10 * missing.length + placement.dropped.length / 100;
    if (!best || score < best.score) best = { placement, score };
    if (missing.length === 0 && forced === 0) break;
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

function placeOnce(input: PlacementInput, boosted: Map<string, number>): { placement: Placement; forced: number } {
  const prio = <T extends { id: string; priority: number }>(i: T): T => (boosted.has(i.id) ? { ...i, priority: boosted.get(i.id)! } : i);
  input = { ...input, markers: input.markers.map(prio), texts: input.texts.map(prio) };
  const board = new Board(input.width, input.height);
  for (const [i, o] of (input.obstacles ?? []).entries()) board.add(o, `#obstacle${i}`);
  const dropped: string[] = [];

  // 1. Clusters: most important first; a place joins the first cluster whose dot target its own overlaps.
  const order = <T extends { priority: number }>(list: T[]) => list.map((v, i) => ({ v, i })).sort((a, b) => a.v.priority - b.v.priority || a.i - b.i).map((e) => e.v);
  const clusters: Cluster[] = [];
  for (const m of order(input.markers)) {
    const interactive = m.interactive !== false;
    const size = interactive ? TARGET : CITY_TARGET;
    const target = { x: m.at[0] - size / 2, y: m.at[1] - size / 2, w: size, h: size };
    const home = interactive ? clusters.find((c) => c.rep.interactive !== false && overlaps(grow(c.target, CLUSTER_MARGIN / 2), grow(target, CLUSTER_MARGIN / 2))) : undefined;
    if (home) home.members.push(m);
    else clusters.push({ rep: m, members: [m], target });
  }
  const clusterPriority = (c: Cluster) => Math.min(...c.members.map((m) => m.priority));
  for (const c of clusters) board.add(c.target, c.rep.id, c.rep.interactive !== false && !c.members.some((m) => (m.forces ?? 0) > 0) ? clusterPriority(c) : null);

  // 2. Everything else, most important first; at equal priority, markers before free texts. A
  // cluster first names the members that must be named (the others behind its "+n"); the rest of
  // its members get rows later, at their own priority, if there is room then.
  type Job =
    | { kind: 'marker'; c: Cluster; priority: number }
    | { kind: 'expand'; c: Cluster; priority: number }
    | { kind: 'text'; t: TextInput; priority: number };
  const firstRows = (c: Cluster) => c.members.filter((m, i) => i === 0 || m.priority <= MUST_SHOW);
  const jobs: Job[] = [
    ...clusters.map((c): Job => ({ kind: 'marker', c, priority: clusterPriority(c) })),
    ...clusters
      .filter((c) => firstRows(c).length < c.members.length)
      .map((c): Job => ({ kind: 'expand', c, priority: Math.min(...c.members.filter((m) => !firstRows(c).includes(m)).map((m) => m.priority)) })),
    ...input.texts.map((t): Job => ({ kind: 'text', t, priority: t.priority })),
  ];
  const rank = { marker: 0, expand: 1, text: 2 };
  const sorted = jobs.map((j, i) => ({ j, i })).sort((a, b) => a.j.priority - b.j.priority || rank[a.j.kind] - rank[b.j.kind] || a.i - b.i);

  const placed = new Map<Cluster, MarkerState>();
  const texts: PlacedText[] = [];
  for (const { j } of sorted) {
    if (j.kind === 'text') {
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
        texts.push({ id: t.id, box: round(pick.box) });
      } else dropped.push(t.id);
    } else if (board.evicted.has(j.c.rep.id)) continue;
    else if (j.kind === 'marker') {
      board.harden(j.c.rep.id);
      placed.set(j.c, placeMarker(j.c, firstRows(j.c), board, j.priority));
    } else {
      const st = placed.get(j.c);
      if (st) expandMarker(j.c, st, board);
    }
  }
  const markers = clusters.filter((c) => !board.evicted.has(c.rep.id)).map((c) => {
    const st = placed.get(c)!;
    const named = new Set(st.rows.map((r) => r.id));
    for (const m of c.members) if (!named.has(m.id)) dropped.push(m.id);
    return {
      id: c.rep.id,
      members: c.members.map((m) => m.id),
      at: c.rep.at,
      target: round(c.target),
      side: st.side,
      rows: st.rows.map((r) => ({ id: r.id, text: round(r.text), hit: round(r.hit), short: r.short })),
      badge: st.badge ? round(st.badge) : null,
      hidden: c.members.filter((m) => !named.has(m.id)).map((m) => m.id),
      forces: st.forces ? round(st.forces) : null,
      forceCount: st.forceCount,
      interactive: c.rep.interactive !== false,
    } satisfies PlacedMarker;
  });
  for (const c of clusters) if (board.evicted.has(c.rep.id)) dropped.push(...c.members.map((m) => m.id));
  return { placement: { markers, texts, dropped }, forced: board.forced };
}

interface Cluster {
  rep: MarkerInput;
  members: MarkerInput[];
  target: Box;
}

interface MarkerState {
  side: Side | null;
  rows: PlacedRow[];
  badge: Box | null;
  /** Every box the names and badge cover (on the board). */
  boxes: Box[];
  forces: Box | null;
  forceCount: number;
}

const spec = (m: MarkerInput, short = false): RowSpec => (short && m.short ? { id: m.id, ...m.short, short: true } : { id: m.id, ...m.text, short: false });

/**
 * The first side where rows naming these members (with a badge when members are left out) fit,
 * avoiding `avoid`: with their full names, else with their short ones.
 */
function fitRows(c: Cluster, members: MarkerInput[], board: Board, avoid: Box | null, evictBelow: number | null = null): { side: Side; layout: ReturnType<typeof layoutRows>; evict: string[] } | null {
  const badge = c.members.length > 1 && members.length < c.members.length;
  if (members.length === 0 && !badge) return null;
  const forms = members.some((m) => m.short) ? [false, true] : [false];
  // Stacked rows first, then side by side in one row (where there is room across but not down).
  const modes = members.length > 1 ? [false, true] : [false];
  for (const short of forms) {
    const rows = members.map((m) => spec(m, short));
    for (const line of modes) {
      for (const side of LABEL_SIDES) {
        const layout = layoutRows(c.target, side, rows, badge, line);
        if (avoid && layout.all.some((b) => overlaps(avoid, b))) continue;
        const ok = board.check(layout.all, c.rep.id, evictBelow);
        if (ok.ok) return { side, layout, evict: ok.evict };
      }
    }
  }
  return null;
}

function placeMarker(c: Cluster, first: MarkerInput[], board: Board, priority: number): MarkerState {
  const owner = c.rep.id;
  const forceCount = c.members.reduce((s, m) => s + (m.forces ?? 0), 0);
  const fb = forceBox(forceCount);
  // Row sets, most complete first: the names that must show (all members if they all must); the representative alone; none.
  const sets: MarkerInput[][] = [first];
  if (first.length > 1) sets.push([c.rep]);
  sets.push([]);

  const forceCands = forceCount > 0 ? FORCE_SIDE_LIST.map((s) => forceAt(c.target, s, fb.w, fb.h)) : [null];
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
        else if (rows.length === 0 && c.members.length === 1) chosen = { side: null, layout: null, forces, evict: fcheck.evict };
        if (chosen) break;
      }
      if (chosen) break;
    }
    if (chosen) break;
  }
  // No room for a name or a badge: the dot and its forces alone (one step further out if need be).
  if (!chosen && forceCount > 0) {
    const further = [...forceCands, ...FORCE_SIDE_LIST.map((s) => forceAt(grow(c.target, 8), s, fb.w, fb.h))];
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
  return { side: chosen.side, rows: chosen.layout?.rows ?? [], badge: chosen.layout?.badge ?? null, boxes, forces: chosen.forces, forceCount };
}

/** Names every member of a cluster in rows of their own, if they fit now (the badge goes). */
function expandMarker(c: Cluster, st: MarkerState, board: Board): void {
  board.remove(st.boxes);
  const fit = fitRows(c, c.members, board, st.forces);
  if (fit) {
    st.side = fit.side;
    st.rows = fit.layout.rows;
    st.badge = fit.layout.badge;
    st.boxes = fit.layout.all;
  }
  for (const b of st.boxes) board.add(b, c.rep.id);
}
