/**
 * What goes over the map at a month, and where: place dots and their names, foreign forces,
 * region, country and sea names, counterpart cities and the edge labels of arcs that leave the
 * frame ("↗ Moscow, 2,500 km"). A pure function of the view, a projection and a way to measure
 * text: the browser's overlay (over the SVG map and over MapLibre) measures with a canvas, the SVG
 * images (svgMap.ts) estimate in Node; both draw the boxes placement.ts returns.
 */
import { geoDistance, geoInterpolate } from 'd3-geo';
import type { FeatureCollection, Point } from 'geojson';
import { pointOf, type AtlasIndex } from '../records/atlasIndex.ts';
import type { AtlasView, ForceState } from '../records/view.ts';
import type { Layers } from '../state/layers.ts';
import { LOCALES, type Translator } from '../i18n/i18n.ts';
import type { NamedProps } from '../records/types.ts';
import { actorShort } from '../words/names.ts';
import { LIBYA_BOUNDS } from './frame.ts';
import { type Theme, actorColor, forceFamily, forceLook, forceSize, isRussianForce, labelFont, labelHeight, labelText, type ForceFamily, type ForceLook, type LabelFont, type LabelKind } from './encoding.ts';
import { MUST_SHOW, placeLabels, type Box, type MarkerInput, type PlacedMarker, type TextInput } from './placement.ts';

/** The places every view names first (with the three regions). */
export const SEED_PLACES = ['tripoli', 'benghazi', 'tobruk'];

/** Where each region's name is anchored (computed by `npm run geo`); the overlay places it there or near. */
export function regionLabelFeatures(index: AtlasIndex): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: index.data.regions.features.map((r) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: r.properties.label }, properties: { ...r.properties } })),
  };
}

export type Project = (lngLat: [number, number]) => [number, number] | null;
/** The width of a text in a label font (CSS px). */
export type Measure = (text: string, font: LabelFont) => number;

export interface OverlayInput {
  index: AtlasIndex;
  view: AtlasView;
  layers: Layers;
  width: number;
  height: number;
  project: Project;
  tr: Translator;
  /** Where region names are anchored (regionLabelFeatures). */
  regionAnchors: FeatureCollection<Point>;
  /** Country and sea names (geo/labels.geojson). */
  labels: FeatureCollection;
  measure: Measure;
  /** Areas nothing may cover (the map's buttons). */
  obstacles?: Box[];
  /** The map's theme: the names' colours and halos. */
  theme?: Theme;
}

export interface OverlayForce {
  /** The presence record. */
  id: string;
  place: string;
  actor: string;
  family: ForceFamily;
  color: string;
  /** Solid (present), hollow (alleged, denied) or faded (last reported long ago). */
  look: ForceLook;
  /** The symbol's size in px (Soviet and Russian forces are larger). */
  size: number;
  /** "Wagner at al-Jufra air base, reported"; "UAE forces at al-Khadim air base, last reported June 14, 2017". */
  label: string;
}

export interface OverlayMarker {
  /** The representative place. */
  id: string;
  kind: string;
  at: [number, number];
  target: Box;
  color: string;
  /** Colours of the other parties when contested (stripes on the dot). */
  stripes: string[];
  /** Colours of rival claimants without armed contest (a dotted ring round the dot). */
  claims: string[];
  uncertain: boolean;
  /** Who holds it is last reported long ago (the dot is faded): "last reported <date>". */
  lastReported: string | null;
  /** Names shown (short forms where room is short): each row is its own button, the first together with the dot; a name set apart is joined to its dot by a leader line. */
  rows: { id: string; name: string; text: Box; hit: Box; leader?: [number, number, number, number] }[];
  /** Where a dot separates names side by side in one row. */
  separators: [number, number][];
  /** "+n": every place at this marker, in a short list. */
  badge: { box: Box; places: { id: string; name: string }[] } | null;
  /** The representative's name (the dot's accessible name when its row is not shown). */
  name: string;
  forces: { box: Box; list: OverlayForce[] } | null;
  /** The Soviet and Russian forces named beside their symbol ("Africa Corps"), where there was room. */
  caption: { box: Box; text: string; font: LabelFont } | null;
  /** The other places sharing this marker's button, each with its own dot where it is. */
  dots: { id: string; at: [number, number]; color: string; kind: string }[];
}

export interface OverlayText {
  id: string;
  kind: LabelKind;
  text: string;
  font: LabelFont;
  box: Box;
  /** The region a region name opens. */
  region?: string;
  /** A counterpart city's name, or an edge label: the diplomatic arcs (event ids) it names, strongest first. */
  arcs?: string[];
}

export interface Overlay {
  markers: OverlayMarker[];
  texts: OverlayText[];
  /** Libya's extent (LIBYA_BOUNDS) on screen. */
  frame: Box;
  /** Names that found no room (the places list still names them). */
  dropped: string[];
}

/** Padding inside a region name's button. */
const REGION_PAD = 4;
/** A region's name may move up to 60 px across and 48 px down or up from its anchor to find room, nearest first. */
const REGION_SHIFTS: [number, number][] = [];
for (let dx = -60; dx <= 60; dx += 10) for (let dy = -48; dy <= 48; dy += 8) REGION_SHIFTS.push([dx, dy]);
REGION_SHIFTS.sort((a, b) => Math.hypot(a[0], a[1] * 1.5) - Math.hypot(b[0], b[1] * 1.5));
const NAME_SHIFTS: [number, number][] = [[0, 0], [0, -10], [0, 10], [-16, 0], [16, 0], [0, -20], [0, 20]];

const ARROWS = ['→', '↘', '↓', '↙', '←', '↖', '↑', '↗'];
/** An arrow pointing along a screen direction (y down). */
export function arrowFor(dx: number, dy: number): string {
  const a = Math.atan2(dy, dx);
  return ARROWS[((Math.round(a / (Math.PI / 4)) % 8) + 8) % 8]!;
}

/**
 * A place's name without what its symbol already says ("air base", "oil field") or its other
 * name in brackets, for tight spots: "al-Khadim air base" → "al-Khadim",
 * "قاعدة الخادم الجوية" → "الخادم", "авиабаза Эль-Хадим" → "Эль-Хадим".
 */
export function shortName(name: string): string {
  return name
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s+(air base|oil field)$/i, '')
    .replace(/^(авиабаза|нефтяное месторождение)\s+/i, '')
    .replace(/^(قاعدة|حقل)\s+/, '')
    .replace(/\s+(الجوية|النفطي)$/, '')
    .trim();
}

/** Great-circle distance in km, rounded to 100. */
export const distanceKm = (a: [number, number], b: [number, number]): number => Math.round((geoDistance(a, b) * 6371) / 100) * 100;

/**
 * Where the great circle from `from` to `to` leaves the rectangle [0, w] × [0, h] on screen, and
 * in which direction; null when it never runs inside it.
 */
export function exitPoint(project: Project, from: [number, number], to: [number, number], w: number, h: number): { at: [number, number]; dx: number; dy: number } | null {
  // The same projection asks again for every month an arc is shown: remember its answers.
  let known = exits.get(project);
  if (!known) exits.set(project, (known = new Map()));
  const key = `${from}|${to}|${w}|${h}`;
  if (!known.has(key)) known.set(key, findExit(project, from, to, w, h));
  return known.get(key)!;
}
const exits = new WeakMap<Project, Map<string, ReturnType<typeof findExit>>>();

function findExit(project: Project, from: [number, number], to: [number, number], w: number, h: number): { at: [number, number]; dx: number; dy: number } | null {
  const interp = geoInterpolate(from, to);
  const inside = (p: [number, number] | null) => !!p && p[0] >= 0 && p[0] <= w && p[1] >= 0 && p[1] <= h;
  let prev: [number, number] | null = null;
  const steps = 96;
  for (let i = 0; i <= steps; i++) {
    const p = project(interp(i / steps) as [number, number]);
    if (prev && inside(prev) && p && !inside(p)) {
      // The crossing on the segment prev → p.
      const [x0, y0] = prev;
      const [x1, y1] = p;
      let t = 1;
      if (x1 < 0) t = Math.min(t, x0 / (x0 - x1));
      if (x1 > w) t = Math.min(t, (w - x0) / (x1 - x0));
      if (y1 < 0) t = Math.min(t, y0 / (y0 - y1));
      if (y1 > h) t = Math.min(t, (h - y0) / (y1 - y0));
      return { at: [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t], dx: x1 - x0, dy: y1 - y0 };
    }
    prev = p;
  }
  return null;
}

/**
 * The overlay of one view: placed names and symbols with the words they show.
 * @example layoutOverlay({ index, view, layers, width: 390, height: 400, project, tr, regionAnchors, labels, measure })
 */
export function layoutOverlay(input: OverlayInput): Overlay {
  const { index, view, layers, width, height, project, tr, measure } = input;
  const frame = { width, height };
  const fontOf = (k: LabelKind) => labelFont(k, tr.lang, frame, input.theme ?? 'light');
  const sized = (text: string, kind: LabelKind) => {
    const font = fontOf(kind);
    const shown = labelText(text, font, tr.lang);
    return { text: shown, font, w: Math.ceil(measure(shown, font)), h: labelHeight(font) };
  };
  const inFrame = (p: [number, number] | null, m = 0): p is [number, number] => !!p && p[0] >= -m && p[0] <= width + m && p[1] >= -m && p[1] <= height + m;
  const nameOf = (id: string) => {
    const f = index.features.get(id);
    return f ? tr.name(f.properties as NamedProps) : id;
  };

  // Foreign forces by place.
  const forcesAt = new Map<string, ForceState[]>();
  if (layers.presence) for (const f of view.forces) forcesAt.set(f.presence.place, [...(forcesAt.get(f.presence.place) ?? []), f]);
  const forceOf = (f: ForceState): OverlayForce => {
    const p = f.presence;
    const status = f.lastReported ? tr.t('status.lastReported', { date: tr.date(f.lastReported) }) : tr.t(`status.${p.status}`);
    return {
      id: p.id,
      place: p.place,
      actor: p.actor,
      family: forceFamily(p.actor),
      color: actorColor(index.actors.get(p.actor)),
      look: forceLook(p.status, f.lastReported),
      size: forceSize(p.actor),
      label: tr.t('map.forceLabel', { actor: actorShort(index, tr, p.actor), place: nameOf(p.place), status }),
    };
  };

  const markers: MarkerInput[] = [];
  const placeInfo = new Map<string, { name: string; short: string; kind: string }>();
  // The Soviet and Russian forces at a place, named beside their symbol: "Africa Corps", "Wagner, Russian forces".
  const captions = new Map<string, { text: string; font: LabelFont; w: number; h: number }>();
  const captionOf = (here: ForceState[]) => {
    const russian = [...new Set(here.filter((f) => isRussianForce(f.presence.actor)).map((f) => f.presence.actor))];
    return russian.length > 0 ? sized(tr.list(russian.map((a) => actorShort(index, tr, a))), 'force') : null;
  };
  for (const place of view.places) {
    const f = index.features.get(place.id);
    if (!f || f.geometry.type !== 'Point') continue;
    const at = project(f.geometry.coordinates as [number, number]);
    if (!inFrame(at)) continue;
    const kind = 'kind' in f.properties ? String(f.properties.kind) : 'city';
    const s = sized(nameOf(place.id), 'place');
    const short = shortName(s.text);
    const ss = short !== s.text ? sized(short, 'place') : null;
    placeInfo.set(place.id, { name: s.text, short, kind });
    const here = forcesAt.get(place.id) ?? [];
    const forces = here.length;
    const priority = SEED_PLACES.includes(place.id) ? 0 : forces > 0 ? MUST_SHOW : kind === 'city' ? 2 : 3;
    const caption = captionOf(here);
    // A base's story is its forces: their symbol stands on the base itself; a city keeps its dot (who holds it) with the symbol beside.
    const onDot = forces > 0 && kind !== 'city';
    markers.push({ id: place.id, at, priority, text: { w: s.w, h: s.h }, short: ss ? { w: ss.w, h: ss.h } : undefined, forces, ...(onDot ? { forcesOnDot: true } : {}), ...(caption ? { caption: { w: caption.w, h: caption.h } } : {}) });
    if (caption) captions.set(place.id, caption);
  }

  const texts: TextInput[] = [];
  const textInfo = new Map<string, Omit<OverlayText, 'box'>>();
  for (const f of input.regionAnchors.features) {
    const at = project(f.geometry.coordinates as [number, number]);
    if (!inFrame(at)) continue;
    const id = String(f.properties?.['id']);
    const s = sized(tr.name(f.properties as NamedProps), 'region');
    texts.push({ id: `region:${id}`, at, w: s.w + 2 * REGION_PAD, h: Math.max(24, s.h), priority: 0, shifts: REGION_SHIFTS });
    textInfo.set(`region:${id}`, { id: `region:${id}`, kind: 'region', text: s.text, font: s.font, region: id });
  }

  // Counterpart cities: named where they are when in the frame, else at the edge where their arc leaves it.
  if (layers.diplomacy) {
    const byCity = new Map<string, AtlasView['arcs']>();
    for (const a of [...view.arcs].sort((x, y) => Number(y.current) - Number(x.current))) {
      const c = a.event.counterpart;
      if (c) byCity.set(c, [...(byCity.get(c) ?? []), a]);
    }
    const edges: { city: string; arrow: string; exit: [number, number]; current: boolean; km: number }[] = [];
    for (const [city, arcs] of byCity) {
      const to = pointOf(index, city) as [number, number] | undefined;
      if (!to) continue;
      const at = project(to);
      if (inFrame(at, -4)) {
        const s = sized(nameOf(city), 'city');
        markers.push({ id: `city:${city}`, at, priority: MUST_SHOW, text: { w: s.w, h: s.h }, interactive: false });
        textInfo.set(`city:${city}`, { id: `city:${city}`, kind: 'city', text: s.text, font: s.font, arcs: arcs.map((a) => a.event.id) });
        continue;
      }
      for (const a of arcs) {
        const from = pointOf(index, a.event.places[0]!) as [number, number] | undefined;
        const exit = from && exitPoint(project, from, to, width, height);
        if (!from || !exit) continue;
        edges.push({ city, arrow: arrowFor(exit.dx, exit.dy), exit: exit.at, current: a.current, km: distanceKm(from, to) });
        break;
      }
    }
    // One label per direction: "↗ Moscow, 2,500 km, Istanbul" (the month's own arcs say how far, first).
    const byArrow = new Map<string, typeof edges>();
    for (const e of edges) byArrow.set(e.arrow, [...(byArrow.get(e.arrow) ?? []), e]);
    const km = new Intl.NumberFormat(LOCALES[tr.lang]);
    for (const [arrow, list] of byArrow) {
      list.sort((a, b) => Number(b.current) - Number(a.current));
      const words = `${arrow} ${tr.list(list.map((e) => (e.current ? tr.t('map.edgeLabel', { city: nameOf(e.city), km: km.format(e.km) }) : nameOf(e.city))))}`;
      const s = sized(words, 'edge');
      const w = s.w + 6;
      const exit = list[0]!.exit;
      // Inside the frame, next to the point of exit, sliding along the edge it crosses.
      const cx = Math.min(Math.max(exit[0], w / 2 + 4), width - w / 2 - 4);
      const cy = Math.min(Math.max(exit[1], s.h / 2 + 4), height - s.h / 2 - 4);
      const alongX = exit[1] <= 1 || exit[1] >= height - 1;
      // Near the exit first: a second row close by before the same row far along the edge.
      const shifts: { s: [number, number]; cost: number }[] = [];
      for (let d = -width / 2; d <= width / 2; d += 20) {
        for (const row of [0, 1, 2]) {
          const inward = row * (alongX ? s.h + 2 : w + 2) * (alongX ? (exit[1] <= 1 ? 1 : -1) : exit[0] <= 1 ? 1 : -1);
          shifts.push({ s: alongX ? [d, inward] : [inward, d], cost: Math.abs(d) + row * 80 });
        }
      }
      shifts.sort((a, b) => a.cost - b.cost);
      const id = `edge:${list.map((e) => e.city).join('+')}`;
      // The arcs of the month first: they are drawn strong.
      texts.push({ id, at: [cx, cy], w, h: s.h, priority: list.some((e) => e.current) ? 0 : MUST_SHOW, shifts: shifts.map((x) => x.s), early: true });
      textInfo.set(id, { id, kind: 'edge', text: s.text, font: s.font, arcs: list.flatMap((e) => (byCity.get(e.city) ?? []).map((a) => a.event.id)) });
    }
  }

  for (const f of input.labels.features) {
    const id = String(f.properties?.['id']);
    if (id === 'label-libya' || f.geometry.type !== 'Point') continue;
    const at = project(f.geometry.coordinates as [number, number]);
    if (!inFrame(at, 40)) continue;
    const kind: LabelKind = f.properties?.['kind'] === 'sea' ? 'sea' : 'country';
    const s = sized(tr.name(f.properties as NamedProps), kind);
    texts.push({ id, at, w: s.w, h: s.h, priority: kind === 'sea' ? 6 : 5, shifts: NAME_SHIFTS });
    textInfo.set(id, { id, kind, text: s.text, font: s.font });
  }

  const placement = placeLabels({ width, height, markers, texts, obstacles: input.obstacles });

  const out: OverlayMarker[] = [];
  const outTexts: OverlayText[] = [];
  for (const m of placement.markers) {
    if (!m.interactive) {
      const info = textInfo.get(m.id);
      const row = m.rows[0];
      if (info && row) outTexts.push({ ...info, box: row.text });
      continue;
    }
    out.push(markerOf(m));
  }
  for (const t of placement.texts) {
    const info = textInfo.get(t.id);
    if (info) outTexts.push({ ...info, box: t.box });
  }

  function markerOf(m: PlacedMarker): OverlayMarker {
    const state = view.places.find((p) => p.id === m.id);
    const color = state?.holder ? actorColor(index.actors.get(state.holder)) : '#ffffff';
    const stripes = state?.contested ? state.parties.filter((p) => p !== state.holder).map((p) => actorColor(index.actors.get(p))) : [];
    const forces = m.members.flatMap((id) => forcesAt.get(id) ?? []).map(forceOf);
    const caption = m.caption ? m.members.map((id) => captions.get(id)).find((c) => c) : undefined;
    const colorAt = (id: string) => {
      const st = view.places.find((p) => p.id === id);
      return st?.holder ? actorColor(index.actors.get(st.holder)) : '#ffffff';
    };
    const separators: [number, number][] = [];
    const byRow = [...m.rows].sort((a, b) => a.hit.y - b.hit.y || a.hit.x - b.hit.x);
    for (let i = 1; i < byRow.length; i++) {
      const [a, b] = [byRow[i - 1]!, byRow[i]!];
      if (a.hit.y === b.hit.y) separators.push([(a.hit.x + a.hit.w + b.hit.x) / 2, a.hit.y + a.hit.h / 2]);
    }
    return {
      id: m.id,
      separators,
      kind: placeInfo.get(m.id)?.kind ?? 'city',
      at: m.at,
      target: m.target,
      color,
      stripes,
      claims: (state?.claims ?? []).map((a) => actorColor(index.actors.get(a))),
      uncertain: state?.uncertain ?? false,
      lastReported: state?.lastReported ? tr.t('status.lastReported', { date: tr.date(state.lastReported) }) : null,
      rows: m.rows.map((r) => ({ id: r.id, text: r.text, hit: r.hit, name: (r.short ? placeInfo.get(r.id)?.short : placeInfo.get(r.id)?.name) ?? r.id, ...(r.leader ? { leader: r.leader } : {}) })),
      badge: m.badge ? { box: m.badge, places: m.members.map((id) => ({ id, name: placeInfo.get(id)?.name ?? id })) } : null,
      name: placeInfo.get(m.id)?.name ?? m.id,
      forces: m.forces && forces.length > 0 ? { box: m.forces, list: forces } : null,
      caption: m.caption && caption ? { box: m.caption, text: caption.text, font: caption.font } : null,
      dots: m.dots.map((d) => ({ id: d.id, at: d.at, color: colorAt(d.id), kind: placeInfo.get(d.id)?.kind ?? 'city' })),
    };
  }

  const [[w, s], [e, n]] = LIBYA_BOUNDS;
  const sw = project([w, s]);
  const ne = project([e, n]);
  const frameBox = sw && ne ? { x: sw[0], y: ne[1], w: ne[0] - sw[0], h: sw[1] - ne[1] } : { x: 0, y: 0, w: 0, h: 0 };
  return { markers: out, texts: outTexts, frame: frameBox, dropped: placement.dropped };
}
