/** Records as the app uses them: the data files' types plus their intervals on the month axis. */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Actor, ControlPeriod, HistEvent, Presence, SourceDoc } from './schema.ts';
import type { Interval } from '../time/interval.ts';

export type { Actor, ControlPeriod, HistEvent, Presence, SourceDoc, Citation, Localized, Status } from './schema.ts';

export interface NamedProps {
  id: string;
  name_en: string;
  name_ar?: string;
  name_ru?: string;
}
export interface PlaceProps extends NamedProps {
  region: string;
  kind: 'city' | 'airbase' | 'oil';
}
export type RegionFeature = Feature<Polygon | MultiPolygon, NamedProps>;
export type PlaceFeature = Feature<Point, PlaceProps>;
export type CounterpartFeature = Feature<Point, NamedProps>;

/** Everything the atlas shows, as loaded from geo/ and data/. */
export interface AtlasData {
  actors: Actor[];
  sources: SourceDoc[];
  control: ControlPeriod[];
  presence: Presence[];
  events: HistEvent[];
  regions: FeatureCollection<Polygon | MultiPolygon, NamedProps>;
  places: FeatureCollection<Point, PlaceProps>;
  counterparts: FeatureCollection<Point, NamedProps>;
}

export type Timed<T> = T & { span: Interval };
