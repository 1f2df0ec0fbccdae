/** The atlas's records and layers, bundled from data/ and geo/ (checked by `npm run validate` first). */
import actors from '../../../data/actors.json';
import control from '../../../data/control.json';
import presence from '../../../data/presence.json';
import events from '../../../data/events.json';
import regions from '../../../geo/regions.geojson';
import places from '../../../geo/places.geojson';
import counterparts from '../../../geo/counterparts.geojson';
import type { AtlasData, SourceDoc } from './types.ts';

const sourceFiles = import.meta.glob<SourceDoc>('../../../data/sources/*.json', { eager: true, import: 'default' });

export const atlasData = {
  actors,
  sources: Object.values(sourceFiles),
  control,
  presence,
  events,
  regions,
  places,
  counterparts,
} as unknown as AtlasData;
