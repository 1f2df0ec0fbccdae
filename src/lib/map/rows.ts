/**
 * The geometry of a marker's names and symbols around its dot (placement.ts chooses among these):
 * rows of names on one side of the dot, the forces' symbol beside it, a caption beside the symbol.
 */
import type { Box } from './board.ts';

export type Side = 'e' | 'w' | 'ne' | 'se' | 'nw' | 'sw' | 'n' | 's' | 'nr' | 'nl' | 'sr' | 'sl';

/** Side of a place's hit target, and the height of a row of names (WCAG 2.5.8: at least 24 × 24 px). */
export const TARGET = 24;
/** The visible dot of a place, centred in its target. */
export const DOT = 12;
export const ROW = 24;
/** The "+n" button at the end of a cluster's first row. */
export const BADGE = 24;
/** Space between a name and its badge, and inside a row around its text. */
export const GAP = 2;
export const ROW_PAD = 3;
/** Between two names side by side in one row (a separator is drawn there). */
export const SEP = 10;

export const LABEL_SIDES: Side[] = ['e', 'w', 'ne', 'se', 'nw', 'sw', 'n', 's', 'nr', 'sr', 'nl', 'sl'];
export const FORCE_SIDES: Side[] = ['n', 's', 'w', 'e', 'nw', 'ne', 'sw', 'se'];

/** The box of a place's forces: one symbol, or a group of several with its count. */
export function forceBox(count: number): { w: number; h: number } {
  return count <= 1 ? { w: TARGET, h: TARGET } : { w: 40, h: TARGET };
}

/** A box of w × h on `side` of box t (touching a corner on the diagonals). */
export function besideBox(t: Box, side: Side, w: number, h: number): Box {
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

export interface RowSpec {
  id: string;
  w: number;
  h: number;
  short: boolean;
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
  /** A name set a little away from its place, where there was no room beside it: the line that joins them [x1, y1, x2, y2]. */
  leader?: [number, number, number, number];
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
export function layoutRows(t: Box, side: Side, rows: RowSpec[], badge: boolean, line = false): { rows: PlacedRow[]; badge: Box | null; all: Box[] } {
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
