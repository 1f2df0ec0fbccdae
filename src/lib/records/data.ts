/**
 * The atlas's records and layers, bundled from data/ and geo/ (checked by `npm run validate` first).
 * The records arrive without their sources; citations.ts loads those when a reader needs them.
 */
import actors from '../../../data/actors.json';
import control from '../../../data/control.json';
import presence from '../../../data/presence.json';
import events from '../../../data/events.json';
import regions from '../../../geo/regions.geojson';
import zones from '../../../geo/zones.geojson';
import places from '../../../geo/places.geojson';
import counterparts from '../../../geo/counterparts.geojson';
import type { AtlasData } from './types.ts';

export const atlasData = {
  actors,
  sources: [],
  control,
  presence,
  events,
  regions,
  zones,
  places,
  counterparts,
} as unknown as AtlasData;
