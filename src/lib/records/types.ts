/**
 * Records as the app holds them. The first view ships the records without their citations (they
 * load on demand, see citations.svelte.ts), so the app's record types leave `sources` out.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Actor, ControlPeriod, HistEvent, Presence, SourceDoc } from './schema.ts';
import type { Interval } from '../time/interval.ts';

export type { Actor, SourceDoc, Citation, Localized, Status, EventCategory, Story, StoryStep } from './schema.ts';

/**
 * A record as shipped to the first view: everything but its citations, plus the date of its newest
 * source (`lastSource`, added at build time), which says how recently it was reported.
 */
export type ControlRecord = Omit<ControlPeriod, 'sources' | 'claims'> & {
  lastSource?: string;
  /** Rival claims without armed contest; their citations load with the others'. */
  claims?: { actor: string }[];
};
export type PresenceRecord = Omit<Presence, 'sources'> & { lastSource?: string };
export type EventRecord = Omit<HistEvent, 'sources'>;

export interface NamedProps {
  id: string;
  name_en: string;
  name_ar?: string;
  name_ru?: string;
}
export interface PlaceProps extends NamedProps {
  region: string;
  /** The zone of its region it lies in, where the region has zones (geo/zones.geojson). */
  zone?: string;
  kind: 'city' | 'airbase' | 'oil';
}
/** A region or zone: where its name is written (a point inside it, [lon, lat]) comes with it. */
export interface AreaProps extends NamedProps {
  label: [number, number];
}
/** Part of a region on one side of a front line, held separately while the region is divided. */
export interface ZoneProps extends AreaProps {
  region: string;
}
export type RegionFeature = Feature<Polygon | MultiPolygon, AreaProps>;
export type ZoneFeature = Feature<Polygon | MultiPolygon, ZoneProps>;
export type PlaceFeature = Feature<Point, PlaceProps>;
export type CounterpartFeature = Feature<Point, NamedProps>;

/** Everything the atlas shows, as loaded from geo/ and data/ (records without their citations). */
export interface AtlasData {
  actors: Actor[];
  control: ControlRecord[];
  presence: PresenceRecord[];
  events: EventRecord[];
  regions: FeatureCollection<Polygon | MultiPolygon, AreaProps>;
  zones: FeatureCollection<Polygon | MultiPolygon, ZoneProps>;
  places: FeatureCollection<Point, PlaceProps>;
  counterparts: FeatureCollection<Point, NamedProps>;
}

/** A record with its interval on the month axis. */
export type Timed<T> = T & { span: Interval };

/**
 * A control period with its draw priority: in any month, the period shown for a place is the one
 * with the highest `z` among those overlapping the month (see atlasIndex.ts). The map's fill layer
 * sorts by the same number, so the two renderers and the words agree.
 */
export type RankedControl = Timed<ControlRecord> & { z: number };
