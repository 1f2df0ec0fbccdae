/**
 * Boxes on screen and the board the placement (placement.ts) fills: what is placed so far, whose it
 * is, and whether a new box may go somewhere.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** How far from the frame's edge a name must stay. */
export const MARGIN = 2;
/** Names at or below this priority must stay visible (seed places, places with forces, counterparts). */
export const MUST_SHOW = 1;

export const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
export const overlapArea = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
export const union = (a: Box, b: Box): Box => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
};
export const grow = (b: Box, d: number): Box => ({ x: b.x - d, y: b.y - d, w: b.w + 2 * d, h: b.h + 2 * d });
export const roundBox = (b: Box): Box => ({ x: Math.round(b.x * 10) / 10, y: Math.round(b.y * 10) / 10, w: Math.round(b.w * 10) / 10, h: Math.round(b.h * 10) / 10 });
/** A square of side `size` centred on a point. */
export const squareAt = (at: readonly [number, number], size: number): Box => ({ x: at[0] - size / 2, y: at[1] - size / 2, w: size, h: size });

/**
 * How far a point is from a box (0 inside it): how far a name is from its place.
 * @example distanceToBox([0, 0], { x: 3, y: 4, w: 10, h: 10 }) // 5
 */
export function distanceToBox(p: readonly [number, number], b: Box): number {
  const dx = Math.max(b.x - p[0], 0, p[0] - (b.x + b.w));
  const dy = Math.max(b.y - p[1], 0, p[1] - (b.y + b.h));
  return Math.hypot(dx, dy);
}

interface Item {
  box: Box;
  /** The marker (or text) it belongs to: its own boxes do not collide with each other. */
  owner: string;
  /** The place it shows, which leaves the map when it is evicted (for most boxes, the owner). */
  place: string;
  /** The priority of a place that need not be named, whose room a more important name may take; null = hard. */
  soft: number | null;
  /** Blocks its owner's own boxes too (the dots of a marker's other places: its names must not cover them). */
  solid: boolean;
}

/**
 * Boxes placed so far, with their owner (a marker never collides with its own dot). The dot of a
 * place that need not be named (priority above MUST_SHOW) and is not placed yet is "soft": a more
 * important name may take its room, and that place then leaves the map (the places list still
 * names it).
 */
export class Board {
  private items: Item[] = [];
  /** Places taken off the map to make room. */
  readonly evicted = new Set<string>();
  /** Boxes that found no free room and were put where they cover least. */
  forced = 0;
  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {}
  add(box: Box, owner: string, soft: number | null = null, solid = false, place = owner) {
    this.items.push({ box, owner, soft, solid, place });
  }
  remove(boxes: Box[]) {
    this.items = this.items.filter((i) => !boxes.includes(i.box));
  }
  /** The owner's own dot is no longer soft (it is being placed; its other places' dots stay soft). */
  harden(owner: string) {
    for (const i of this.items) if (i.owner === owner && i.place === owner) i.soft = null;
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
        if ((i.owner === owner && !i.solid) || !overlaps(i.box, b)) continue;
        if (evictBelow !== null && i.soft !== null && i.soft > Math.max(MUST_SHOW, evictBelow)) evict.add(i.place);
        else return { ok: false, evict: [] };
      }
    }
    return { ok: true, evict: [...evict] };
  }
  free(b: Box, owner: string): boolean {
    return this.check([b], owner).ok;
  }
  /** A leader line: later boxes must not cover it (kept as the thin boxes along it). */
  addLine([x1, y1, x2, y2]: readonly number[], owner: string) {
    const n = Math.max(1, Math.ceil(Math.hypot(x2! - x1!, y2! - y1!) / 4));
    for (let i = 0; i <= n; i++) this.add({ x: x1! + ((x2! - x1!) * i) / n - 1, y: y1! + ((y2! - y1!) * i) / n - 1, w: 2, h: 2 }, owner);
  }
  /** Would a line from p to q cross anything but the owner's own boxes? */
  crosses(p: readonly [number, number], q: readonly [number, number], owner: string, hits: (p: readonly [number, number], q: readonly [number, number], b: Box) => boolean): boolean {
    return this.items.some((i) => !(i.owner === owner && !i.solid) && hits(p, q, i.box));
  }
  /** Takes places off the map: a marker's own place with all its boxes, another place's dot alone. */
  evict(places: string[]) {
    for (const p of places) {
      this.evicted.add(p);
      this.items = this.items.filter((i) => i.place !== p && i.owner !== p);
    }
  }
  /** How much of `b` is covered or outside the frame (for a last resort). */
  cost(b: Box, owner: string): number {
    const inside = Math.max(0, Math.min(b.x + b.w, this.width) - Math.max(b.x, 0)) * Math.max(0, Math.min(b.y + b.h, this.height) - Math.max(b.y, 0));
    return b.w * b.h - inside + this.items.reduce((s, i) => s + (i.owner === owner && !i.solid ? 0 : overlapArea(i.box, b)), 0);
  }
}
