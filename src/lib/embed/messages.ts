/**
 * The host-page message protocol (version 1), as pure functions: what the page that embeds the atlas
 * may send, what the atlas sends back, and who is allowed to talk. Every field is checked with the
 * same normalizers as the URL, so a message can do nothing a link cannot.
 */
import { parseUrlState, type UrlContext } from '../state/url.ts';
import { monthKey } from '../time/months.ts';
import { readParams } from '../state/query.ts';
import { MESSAGE_FIELDS } from '../state/params.ts';
import type { Lang } from '../i18n/i18n.ts';
import { LAYER_GROUPS, type LayerGroup } from '../state/layers.ts';

export const PROTOCOL_VERSION = 1;

/** What the host asks for; a field left out stays as it is, `place: null` closes the place. */
export interface SetCommand {
  t?: number;
  place?: string | null;
  layers?: Record<LayerGroup, boolean>;
  lang?: Lang;
}

export type OutMessage =
  | { type: 'atlas:ready'; version: 1; date: string; place: string | null; layers: LayerGroup[]; lang: Lang }
  | { type: 'atlas:height'; version: 1; height: number }
  | { type: 'atlas:date'; version: 1; date: string }
  | { type: 'atlas:place'; version: 1; place: string | null };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `type`, `version`, and the parameters the table (state/params.ts) lets a message set. */
const SET_KEYS = new Set<string>(['type', 'version', ...MESSAGE_FIELDS]);

/**
 * Reads a message from the host. Anything not exactly a version-1 `atlas:set` with valid fields gives
 * null: one bad field rejects the whole message, so the atlas never half-applies a request.
 * @example parseHostMessage({ type: 'atlas:set', version: 1, date: '2011-08' }, ctx) // { t: 2011*12+7 }
 */
export function parseHostMessage(data: unknown, ctx: UrlContext): SetCommand | null {
  if (!isRecord(data) || data['type'] !== 'atlas:set' || data['version'] !== PROTOCOL_VERSION) return null;
  if (Object.keys(data).some((k) => !SET_KEYS.has(k))) return null;
  const p = new URLSearchParams();
  const { date, place, layers, lang } = data;
  const cmd: SetCommand = {};

  if (date !== undefined) {
    if (typeof date !== 'string') return null;
    p.set(/^\d{4}$/.test(date) ? 'year' : 'date', date);
  }
  if (place !== undefined && place !== null) {
    if (typeof place !== 'string') return null;
    p.set('place', place);
  }
  if (layers !== undefined) {
    const list = Array.isArray(layers) ? layers : typeof layers === 'string' ? layers.split(',') : null;
    if (!list || !list.every((l) => typeof l === 'string' && (LAYER_GROUPS as readonly string[]).includes(l.trim()))) return null;
    // An empty list hides every layer; the URL form cannot say that, so it is built here.
    if (list.length === 0) cmd.layers = { control: false, presence: false, diplomacy: false };
    else p.set('layers', list.join(','));
  }
  if (lang !== undefined) {
    if (typeof lang !== 'string') return null;
    p.set('lang', lang);
  }

  const s = parseUrlState(`?${p.toString()}`, ctx);
  if (date !== undefined) {
    if (s.t === undefined) return null;
    cmd.t = s.t;
  }
  if (place === null) cmd.place = null;
  else if (place !== undefined) {
    if (s.place === undefined) return null;
    cmd.place = s.place;
  }
  if (layers !== undefined && !cmd.layers) {
    if (!s.layers) return null;
    cmd.layers = s.layers;
  }
  if (lang !== undefined) {
    if (s.lang === undefined) return null;
    cmd.lang = s.lang;
  }
  return cmd;
}

/**
 * `atlas:measure`: the host asks for the atlas's height now (embed.js does when it starts, so an
 * atlas that started before it is sized too); the atlas answers with `atlas:height` (issue 24).
 */
export const isMeasureRequest = (data: unknown): boolean => isRecord(data) && data['type'] === 'atlas:measure' && data['version'] === PROTOCOL_VERSION && Object.keys(data).length === 2;

/**
 * The host origin the embedder allowed with `origin=` in the atlas's URL, or null (any host).
 * A value that is not an http(s) origin (or too long to be one) gives '' (matches no sender): a typo must not open the door.
 */
export function allowedOrigin(search: string): string | null {
  // The first origin= only, however long the query: a long or repeated query never opens the door.
  return readParams(search, undefined, ['origin']).origin ?? null;
}

export function originAccepted(origin: string, allowed: string | null): boolean {
  return allowed === null || origin === allowed;
}

const layerList = (layers: Record<LayerGroup, boolean>) => LAYER_GROUPS.filter((g) => layers[g]);

export const out = {
  ready: (s: { t: number; place: string | null; layers: Record<LayerGroup, boolean>; lang: Lang }): OutMessage => ({
    type: 'atlas:ready',
    version: 1,
    date: monthKey(s.t),
    place: s.place,
    layers: layerList(s.layers),
    lang: s.lang,
  }),
  height: (height: number): OutMessage => ({ type: 'atlas:height', version: 1, height: Math.ceil(height) }),
  date: (t: number): OutMessage => ({ type: 'atlas:date', version: 1, date: monthKey(t) }),
  place: (place: string | null): OutMessage => ({ type: 'atlas:place', version: 1, place }),
};
