/**
 * Derives the atlas's map layers (geo/*.geojson) from Natural Earth via world-atlas.
 * Deterministic: same inputs, same bytes. Run with `npm run geo`.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import * as turf from '@turf/turf';
import { feature as topoFeature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { BBox, Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import {
  checkGeoFile,
  checkPlacesInRegions,
  checkRegionShares,
  checkRegionsTile,
  geometryProblem,
  regionAreaShares,
  type PlaceFeature,
  type RegionFeature,
} from './lib/geo-checks.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GEO_DIR = join(ROOT, 'geo');
const LIBYA_ID = '434';

type Area = Feature<Polygon | MultiPolygon>;
type Names = { name_en: string; name_ar: string; name_ru: string };

// ---------------------------------------------------------------- sources

function loadCountries(resolution: '50m' | '110m'): Area[] {
  const path = join(ROOT, 'node_modules', 'world-atlas', `countries-${resolution}.json`);
  const topo = JSON.parse(readFileSync(path, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return (topoFeature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>).features;
}

/** Round to `precision` decimals and drop the repeated points that rounding creates. */
function rounded<T extends Feature>(f: T, precision: number): T {
  return turf.cleanCoords(turf.truncate(f, { precision, coordinates: 2 })) as T;
}

// ---------------------------------------------------------------- regions

/*
 * Cut lines (lon, lat), approximating the provincial boundaries of the Kingdom of Libya (1951–63).
 * - Tripolitania | Fezzan: from the Algerian border at 27.6°N (Ghadames and Derj stay in
 *   Tripolitania, Wadi al-Shati/Brak at 27.65°N 14.27°E in Fezzan), rising north-east to pass
 *   just north of the al-Jufra oases (Hun, Waddan, Sokna ~29.1–29.2°N: Fezzan, as in context.md).
 * - Tripolitania | Cyrenaica: from the junction at 17.8°E 29.4°N to the Gulf of Sidra coast at
 *   18.78°E, the Arch of the Philaeni (Arae Philaenorum), the historic coastal boundary of the two
 *   provinces: Sirte and Ras Lanuf lie west of it, in Tripolitania.
 * - Fezzan | Cyrenaica: from the junction south along ~19°E to the Chad border (Kufra and the
 *   Tazirbu oases in Cyrenaica, Zillah and the south-west in Fezzan).
 * These vertices were tuned until the shares of the Natural Earth 50m outline came within ~1 pp
 * of the historic areas (20.1 / 48.6 / 31.3 %); the measured shares are printed on each run.
 */
const TRIPOLITANIA_FEZZAN: Position[] = [[9.0, 27.6], [13.0, 27.9], [14.8, 28.3], [15.5, 29.35], [16.6, 29.45], [17.8, 29.4]];
const TRIPOLITANIA_CYRENAICA: Position[] = [[17.8, 29.4], [18.78, 30.2], [18.78, 31.0]];
const FEZZAN_CYRENAICA: Position[] = [[17.8, 29.4], [18.8, 27.0], [19.1, 21.0]];
const FAR_WEST = 5;
const FAR_NORTH = 36;
const FAR_SOUTH = 15;

const REGION_NAMES: Record<'tripolitania' | 'cyrenaica' | 'fezzan', Names> = {
  tripolitania: { name_en: 'Tripolitania', name_ar: 'إقليم طرابلس', name_ru: 'Триполитания' },
  cyrenaica: { name_en: 'Cyrenaica', name_ar: 'برقة', name_ru: 'Киренаика' },
  fezzan: { name_en: 'Fezzan', name_ar: 'فزان', name_ru: 'Феццан' },
};

const last = <T>(xs: T[]): T => xs[xs.length - 1] as T;

/** Everything north-west of the Fezzan and Cyrenaica lines (well beyond Libya's border). */
function tripolitaniaCutter(): Feature<Polygon> {
  const west = TRIPOLITANIA_FEZZAN[0] as Position;
  const coast = last(TRIPOLITANIA_CYRENAICA);
  return turf.polygon([[
    [FAR_WEST, west[1] as number],
    ...TRIPOLITANIA_FEZZAN,
    ...TRIPOLITANIA_CYRENAICA.slice(1),
    [coast[0] as number, FAR_NORTH],
    [FAR_WEST, FAR_NORTH],
    [FAR_WEST, west[1] as number],
  ]]);
}

/** Everything south of the Tripolitania line and west of the Cyrenaica line. */
function fezzanCutter(): Feature<Polygon> {
  const west = TRIPOLITANIA_FEZZAN[0] as Position;
  const south = last(FEZZAN_CYRENAICA);
  return turf.polygon([[
    [FAR_WEST, west[1] as number],
    [FAR_WEST, FAR_SOUTH],
    [south[0] as number, FAR_SOUTH],
    ...[...FEZZAN_CYRENAICA].reverse(),
    ...[...TRIPOLITANIA_FEZZAN].reverse().slice(1),
    [FAR_WEST, west[1] as number],
  ]]);
}

/** Where an area's name is written and its point for arcs and downloads: a point inside it, rounded. */
function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const [lon, lat] = turf.pointOnFeature(turf.feature(geometry)).geometry.coordinates as [number, number];
  return [Math.round(lon * 100) / 100, Math.round(lat * 100) / 100];
}

function required<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`build-geo: ${what} is empty — check the cut lines.`);
  return value;
}

/**
 * Tripolitania and Fezzan are Libya ∩ cutter; Cyrenaica is what remains, so the three tile Libya.
 * The outline is rounded before cutting so the shared edges come out identical.
 */
function buildRegions(libya: Area): RegionFeature[] {
  const fc = (...fs: Area[]) => turf.featureCollection(fs);
  const tripolitania = required(turf.intersect(fc(libya, tripolitaniaCutter())), 'Tripolitania');
  const fezzanRaw = required(turf.intersect(fc(libya, fezzanCutter())), 'Fezzan');
  const fezzan = required(turf.difference(fc(fezzanRaw, tripolitania)), 'Fezzan');
  const cyrenaica = required(turf.difference(fc(libya, tripolitania, fezzan)), 'Cyrenaica');
  const pieces = { tripolitania, cyrenaica, fezzan };
  return (Object.keys(pieces) as (keyof typeof pieces)[]).map((id) => {
    const geometry = rounded(pieces[id], 4).geometry;
    return { type: 'Feature', properties: { id, ...REGION_NAMES[id], label: labelPoint(geometry) }, geometry };
  });
}

// ---------------------------------------------------------------- zones

type ZoneSpec = Names & { id: string; region: keyof typeof REGION_NAMES; side: 'west' | 'east' };

/*
 * Zones: parts of a region on either side of a front line, for the months a region is divided
 * (control periods name a zone instead of the region then). The line is drawn straight and is
 * approximate; the control periods of each zone cite where the line ran.
 * - Tripolitania, 2020–: the Sirte–al-Jufra line. The GNA (then GNU) held the west; the LNA held
 *   Sirte and the coast east of it, with al-Jufra (in Fezzan) to the south. The front lay west of
 *   Sirte, around Abu Qurayn and Wadi Jarif: drawn at 15.9°E.
 */
const SIRTE_JUFRA_LINE: Position[] = [[15.9, FAR_NORTH], [15.9, 20]];

const ZONES: ZoneSpec[] = [
  { id: 'tripolitania-west', region: 'tripolitania', side: 'west', name_en: 'Western Tripolitania', name_ar: 'غرب إقليم طرابلس', name_ru: 'Западная Триполитания' },
  { id: 'tripolitania-sirte', region: 'tripolitania', side: 'east', name_en: 'Sirte and the central coast', name_ar: 'سرت والساحل الأوسط', name_ru: 'Сирт и центральное побережье' },
];

/** Each zone is its region cut along the line; the two sides tile the region. */
function buildZones(regions: RegionFeature[]): Feature<Polygon | MultiPolygon>[] {
  const west = turf.polygon([[[FAR_WEST, FAR_SOUTH], ...SIRTE_JUFRA_LINE.slice().reverse(), [FAR_WEST, FAR_NORTH], [FAR_WEST, FAR_SOUTH]]]);
  return ZONES.map(({ side, ...props }) => {
    const region = required(regions.find((r) => r.properties.id === props.region) ?? null, `region ${props.region}`);
    const fc = (...fs: Area[]) => turf.featureCollection(fs);
    const piece = side === 'west' ? turf.intersect(fc(region, west)) : turf.difference(fc(region, west));
    const geometry = rounded(required(piece, `zone ${props.id}`), 4).geometry;
    return { type: 'Feature', properties: { ...props, label: labelPoint(geometry) }, geometry };
  });
}

// ---------------------------------------------------------------- places

type PlaceKind = 'city' | 'airbase' | 'oil';
type PlaceSpec = Names & { id: string; region: keyof typeof REGION_NAMES; kind: PlaceKind; lonlat: [number, number] };

/*
 * Well-known coordinates, checked to fall inside the 50m outline. Adjusted points:
 * - ras-lanuf: the terminal (18.57°E 30.50°N) is offshore of the 50m coast; the town at 30.4800°N 18.5500°E is used.
 * - al-khadim: reported "south-east of al-Marj", about 100 km from Benghazi; 31.998°N 21.189°E
 *   (the 20.50°E guess would sit south-west of al-Marj, only ~40 km from Benghazi). OurAirports'
 *   runways.csv (airport HL59, the ICAO code IHS Jane's gave al-Khadim) puts the runway's midpoint
 *   at 31.9985°N 21.1918°E, which agrees.
 * - jufra: the midpoint of the 14/32 runway of OurAirports' airport HL69 (29.2127°N 15.9875°E –
 *   29.1834°N 16.0149°E), the military field north-east of Hun ("the Jufra airbase near Hun", Libya
 *   Herald, 2016). The earlier point, 15.9544°E, lay ~4.5 km west of the runway.
 * - ghardabiya: the midpoint of the two runways of OurAirports' HLGD (Ghardabiya / Sirte); the Sirte
 *   VOR-DME "on the field" is at 31.0591°N 16.598°E, and encyclopedia copies give 31.0606°N 16.6117°E,
 *   15 km south of Sirte.
 * - maaten-al-sarra: 21.6889°N 21.8306°E (encyclopedia copy of "Maaten al-Sarra Air Base", citing
 *   World Aero Data and OurAirports), which matches the runways of OurAirports' HL56 (21.67–21.70°N,
 *   21.83°E). Kufra district, south-eastern Libya: Cyrenaica.
 */
const PLACES: PlaceSpec[] = [
  { id: 'tripoli', kind: 'city', region: 'tripolitania', lonlat: [13.1913, 32.8872], name_en: 'Tripoli', name_ar: 'طرابلس', name_ru: 'Триполи' },
  { id: 'benghazi', kind: 'city', region: 'cyrenaica', lonlat: [20.0686, 32.1167], name_en: 'Benghazi', name_ar: 'بنغازي', name_ru: 'Бенгази' },
  { id: 'tobruk', kind: 'city', region: 'cyrenaica', lonlat: [23.9613, 32.0836], name_en: 'Tobruk', name_ar: 'طبرق', name_ru: 'Тобрук' },
  { id: 'sabha', kind: 'city', region: 'fezzan', lonlat: [14.4283, 27.0377], name_en: 'Sabha', name_ar: 'سبها', name_ru: 'Себха' },
  { id: 'sirte', kind: 'city', region: 'tripolitania', lonlat: [16.5887, 31.2089], name_en: 'Sirte', name_ar: 'سرت', name_ru: 'Сирт' },
  { id: 'misrata', kind: 'city', region: 'tripolitania', lonlat: [15.0925, 32.3754], name_en: 'Misrata', name_ar: 'مصراتة', name_ru: 'Мисрата' },
  { id: 'derna', kind: 'city', region: 'cyrenaica', lonlat: [22.6391, 32.7648], name_en: 'Derna', name_ar: 'درنة', name_ru: 'Дерна' },
  { id: 'bayda', kind: 'city', region: 'cyrenaica', lonlat: [21.7551, 32.7627], name_en: 'al-Bayda', name_ar: 'البيضاء', name_ru: 'Эль-Бейда' },
  { id: 'jufra', kind: 'airbase', region: 'fezzan', lonlat: [16.0012, 29.1981], name_en: 'al-Jufra air base', name_ar: 'قاعدة الجفرة الجوية', name_ru: 'авиабаза Эль-Джуфра' },
  { id: 'al-khadim', kind: 'airbase', region: 'cyrenaica', lonlat: [21.189, 31.998], name_en: 'al-Khadim air base', name_ar: 'قاعدة الخادم الجوية', name_ru: 'авиабаза Эль-Хадим' },
  { id: 'brak', kind: 'airbase', region: 'fezzan', lonlat: [14.27, 27.65], name_en: 'Brak al-Shati air base', name_ar: 'قاعدة براك الشاطئ الجوية', name_ru: 'авиабаза Брак-эш-Шати' },
  { id: 'el-adem', kind: 'airbase', region: 'cyrenaica', lonlat: [23.92, 31.86], name_en: 'El Adem (Gamal Abdel Nasser) air base', name_ar: 'قاعدة العدم (جمال عبد الناصر) الجوية', name_ru: 'авиабаза Эль-Адем (Гамаль Абдель Насер)' },
  { id: 'wheelus', kind: 'airbase', region: 'tripolitania', lonlat: [13.276, 32.894], name_en: 'Wheelus Air Base (Mitiga)', name_ar: 'قاعدة ويلس (معيتيقة)', name_ru: 'авиабаза Уилус (Митига)' },
  { id: 'al-watiya', kind: 'airbase', region: 'tripolitania', lonlat: [11.899, 32.474], name_en: 'al-Watiya air base', name_ar: 'قاعدة الوطية الجوية', name_ru: 'авиабаза Эль-Ватия' },
  { id: 'ras-lanuf', kind: 'oil', region: 'tripolitania', lonlat: [18.55, 30.48], name_en: 'Ras Lanuf', name_ar: 'راس لانوف', name_ru: 'Рас-Лануф' },
  { id: 'sharara', kind: 'oil', region: 'fezzan', lonlat: [12.2, 26.55], name_en: 'al-Sharara oil field', name_ar: 'حقل الشرارة النفطي', name_ru: 'нефтяное месторождение Шарара' },
  { id: 'ghardabiya', kind: 'airbase', region: 'tripolitania', lonlat: [16.6033, 31.0581], name_en: 'Ghardabiya (Sirte) air base', name_ar: 'قاعدة القرضابية الجوية (سرت)', name_ru: 'авиабаза Гардабия (Сирт)' },
  { id: 'maaten-al-sarra', kind: 'airbase', region: 'cyrenaica', lonlat: [21.8306, 21.6889], name_en: 'Maaten al-Sarra air base', name_ar: 'قاعدة معطن السارة الجوية', name_ru: 'авиабаза Маатен-эс-Сарра' },
  // The 2019–2020 Tripoli war (issue 23): the LNA's forward bases and the coastal towns the GNA retook.
  { id: 'gharyan', kind: 'city', region: 'tripolitania', lonlat: [13.0203, 32.1722], name_en: 'Gharyan', name_ar: 'غريان', name_ru: 'Гарьян' },
  { id: 'tarhuna', kind: 'city', region: 'tripolitania', lonlat: [13.6333, 32.435], name_en: 'Tarhuna', name_ar: 'ترهونة', name_ru: 'Тархуна' },
  { id: 'sabratha', kind: 'city', region: 'tripolitania', lonlat: [12.4885, 32.7933], name_en: 'Sabratha', name_ar: 'صبراتة', name_ru: 'Сабрата' },
];

/** Places with the zone they lie in, where their region has zones (a place takes its zone's holder when divided). */
function buildPlaces(zones: Feature<Polygon | MultiPolygon>[]): PlaceFeature[] {
  return PLACES.map(({ lonlat, ...props }) => {
    const zone = zones.find((z) => z.properties?.['region'] === props.region && turf.booleanPointInPolygon(lonlat, z));
    const withZone = zone ? { ...props, zone: String(zone.properties?.['id']) } : props;
    return rounded(turf.point(lonlat, withZone), 4) as PlaceFeature;
  });
}

// ---------------------------------------------------------------- counterparts

const COUNTERPARTS: (Names & { id: string; lonlat: [number, number] })[] = [
  { id: 'moscow', lonlat: [37.6173, 55.7558], name_en: 'Moscow', name_ar: 'موسكو', name_ru: 'Москва' },
  { id: 'sochi', lonlat: [39.7303, 43.5855], name_en: 'Sochi', name_ar: 'سوتشي', name_ru: 'Сочи' },
  { id: 'saint-petersburg', lonlat: [30.3351, 59.9343], name_en: 'Saint Petersburg', name_ar: 'سانت بطرسبرغ', name_ru: 'Санкт-Петербург' },
  { id: 'kazan', lonlat: [49.1221, 55.7887], name_en: 'Kazan', name_ar: 'قازان', name_ru: 'Казань' },
  { id: 'minsk', lonlat: [27.5615, 53.9045], name_en: 'Minsk', name_ar: 'مينسك', name_ru: 'Минск' },
  { id: 'kyiv', lonlat: [30.5234, 50.4501], name_en: 'Kyiv', name_ar: 'كييف', name_ru: 'Киев' },
  { id: 'london', lonlat: [-0.1276, 51.5072], name_en: 'London', name_ar: 'لندن', name_ru: 'Лондон' },
  { id: 'paris', lonlat: [2.3522, 48.8566], name_en: 'Paris', name_ar: 'باريس', name_ru: 'Париж' },
  { id: 'rome', lonlat: [12.4964, 41.9028], name_en: 'Rome', name_ar: 'روما', name_ru: 'Рим' },
  { id: 'palermo', lonlat: [13.3615, 38.1157], name_en: 'Palermo', name_ar: 'باليرمو', name_ru: 'Палермо' },
  { id: 'berlin', lonlat: [13.405, 52.52], name_en: 'Berlin', name_ar: 'برلين', name_ru: 'Берлин' },
  { id: 'geneva', lonlat: [6.1432, 46.2044], name_en: 'Geneva', name_ar: 'جنيف', name_ru: 'Женева' },
  { id: 'new-york', lonlat: [-74.006, 40.7128], name_en: 'New York', name_ar: 'نيويورك', name_ru: 'Нью-Йорк' },
  { id: 'washington', lonlat: [-77.0369, 38.9072], name_en: 'Washington', name_ar: 'واشنطن', name_ru: 'Вашингтон' },
  { id: 'cairo', lonlat: [31.2357, 30.0444], name_en: 'Cairo', name_ar: 'القاهرة', name_ru: 'Каир' },
  { id: 'abu-dhabi', lonlat: [54.3773, 24.4539], name_en: 'Abu Dhabi', name_ar: 'أبوظبي', name_ru: 'Абу-Даби' },
  { id: 'ankara', lonlat: [32.8597, 39.9334], name_en: 'Ankara', name_ar: 'أنقرة', name_ru: 'Анкара' },
  { id: 'istanbul', lonlat: [28.9784, 41.0082], name_en: 'Istanbul', name_ar: 'إسطنبول', name_ru: 'Стамбул' },
  { id: 'tunis', lonlat: [10.1815, 36.8065], name_en: 'Tunis', name_ar: 'تونس', name_ru: 'Тунис' },
  { id: 'algiers', lonlat: [3.0588, 36.7538], name_en: 'Algiers', name_ar: 'الجزائر', name_ru: 'Алжир' },
  { id: 'brussels', lonlat: [4.3517, 50.8503], name_en: 'Brussels', name_ar: 'بروكسل', name_ru: 'Брюссель' },
  { id: 'potsdam', lonlat: [13.0645, 52.3906], name_en: 'Potsdam', name_ar: 'بوتسدام', name_ru: 'Потсдам' },
  { id: 'san-francisco', lonlat: [-122.4194, 37.7749], name_en: 'San Francisco', name_ar: 'سان فرانسيسكو', name_ru: 'Сан-Франциско' },
];

function buildCounterparts(): Feature<Point>[] {
  return COUNTERPARTS.map(({ lonlat, ...props }) => rounded(turf.point(lonlat, props), 4));
}

// ---------------------------------------------------------------- basemap

/** Wide enough for arcs to Moscow, Kazan and the Gulf. */
const VIEW_BBOX: BBox = [-13, 5, 62, 62];
/**
 * Libya, its land neighbours and Malta (missing from the 110m set) get the 50m outline; the rest
 * 110m, which is plenty at the zooms the atlas shows them and keeps the first view light (Greece,
 * Italy and Turkey's 50m islands alone weighed a third of the file).
 */
const DETAIL_IDS = new Set(['434', '788', '012', '562', '148', '729', '818', '470']);

const COUNTRY_NAMES: Record<string, Names> = {
  '434': { name_en: 'Libya', name_ar: 'ليبيا', name_ru: 'Ливия' },
  '788': { name_en: 'Tunisia', name_ar: 'تونس', name_ru: 'Тунис' },
  '012': { name_en: 'Algeria', name_ar: 'الجزائر', name_ru: 'Алжир' },
  '562': { name_en: 'Niger', name_ar: 'النيجر', name_ru: 'Нигер' },
  '148': { name_en: 'Chad', name_ar: 'تشاد', name_ru: 'Чад' },
  '729': { name_en: 'Sudan', name_ar: 'السودان', name_ru: 'Судан' },
  '818': { name_en: 'Egypt', name_ar: 'مصر', name_ru: 'Египет' },
  '380': { name_en: 'Italy', name_ar: 'إيطاليا', name_ru: 'Италия' },
  '470': { name_en: 'Malta', name_ar: 'مالطا', name_ru: 'Мальта' },
  '300': { name_en: 'Greece', name_ar: 'اليونان', name_ru: 'Греция' },
  '792': { name_en: 'Turkey', name_ar: 'تركيا', name_ru: 'Турция' },
  '643': { name_en: 'Russia', name_ar: 'روسيا', name_ru: 'Россия' },
  '250': { name_en: 'France', name_ar: 'فرنسا', name_ru: 'Франция' },
  '826': { name_en: 'United Kingdom', name_ar: 'المملكة المتحدة', name_ru: 'Великобритания' },
  '276': { name_en: 'Germany', name_ar: 'ألمانيا', name_ru: 'Германия' },
  '804': { name_en: 'Ukraine', name_ar: 'أوكرانيا', name_ru: 'Украина' },
  '112': { name_en: 'Belarus', name_ar: 'بيلاروس', name_ru: 'Беларусь' },
  '760': { name_en: 'Syria', name_ar: 'سوريا', name_ru: 'Сирия' },
  '682': { name_en: 'Saudi Arabia', name_ar: 'السعودية', name_ru: 'Саудовская Аравия' },
  '784': { name_en: 'United Arab Emirates', name_ar: 'الإمارات العربية المتحدة', name_ru: 'Объединённые Арабские Эмираты' },
  '724': { name_en: 'Spain', name_ar: 'إسبانيا', name_ru: 'Испания' },
  '504': { name_en: 'Morocco', name_ar: 'المغرب', name_ru: 'Марокко' },
  '466': { name_en: 'Mali', name_ar: 'مالي', name_ru: 'Мали' },
  '566': { name_en: 'Nigeria', name_ar: 'نيجيريا', name_ru: 'Нигерия' },
  '196': { name_en: 'Cyprus', name_ar: 'قبرص', name_ru: 'Кипр' },
  '422': { name_en: 'Lebanon', name_ar: 'لبنان', name_ru: 'Ливан' },
  '376': { name_en: 'Israel', name_ar: 'إسرائيل', name_ru: 'Израиль' },
  '400': { name_en: 'Jordan', name_ar: 'الأردن', name_ru: 'Иордания' },
  '368': { name_en: 'Iraq', name_ar: 'العراق', name_ru: 'Ирак' },
  '364': { name_en: 'Iran', name_ar: 'إيران', name_ru: 'Иран' },
  '634': { name_en: 'Qatar', name_ar: 'قطر', name_ru: 'Катар' },
  '231': { name_en: 'Ethiopia', name_ar: 'إثيوبيا', name_ru: 'Эфиопия' },
  '232': { name_en: 'Eritrea', name_ar: 'إريتريا', name_ru: 'Эритрея' },
  '140': { name_en: 'Central African Republic', name_ar: 'جمهورية أفريقيا الوسطى', name_ru: 'Центральноафриканская Республика' },
  '728': { name_en: 'South Sudan', name_ar: 'جنوب السودان', name_ru: 'Южный Судан' },
  '756': { name_en: 'Switzerland', name_ar: 'سويسرا', name_ru: 'Швейцария' },
  '056': { name_en: 'Belgium', name_ar: 'بلجيكا', name_ru: 'Бельгия' },
  '616': { name_en: 'Poland', name_ar: 'بولندا', name_ru: 'Польша' },
};

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const countryId = (f: Area) => (f.id !== undefined ? String(f.id) : slug(String(f.properties?.name)));

const bboxesTouch = (a: BBox, b: BBox) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
const touches = (f: Area, box: BBox) => bboxesTouch(turf.bbox(f), box) && turf.booleanIntersects(f, turf.bboxPolygon(box));

/** Drop rings that rounding or clipping collapsed (fewer than 4 positions or no area). */
function withoutDegenerateRings(f: Area): Area | null {
  const keep = (ring: Position[]) => ring.length >= 4 && turf.area(turf.polygon([ring])) > 1e3;
  const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)
    .map((rings) => rings.filter(keep))
    .filter((rings) => rings.length > 0 && keep(rings[0] as Position[]));
  if (polys.length === 0) return null;
  const geometry: Polygon | MultiPolygon =
    polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] as Position[][] } : { type: 'MultiPolygon', coordinates: polys };
  return { ...f, geometry };
}

/**
 * bboxClip is a fast Sutherland–Hodgman clip that can leave spikes and crossing edges along the
 * box edge; when its result is not valid, fall back to a true polygon intersection.
 */
function clipToView(f: Area): Area | null {
  const clipped = withoutDegenerateRings(turf.bboxClip(f, VIEW_BBOX) as Area);
  if (clipped && geometryProblem(clipped) === null) return clipped;
  const exact = turf.intersect(turf.featureCollection([f, turf.bboxPolygon(VIEW_BBOX)]));
  return exact ? withoutDegenerateRings(exact) : null;
}

function countryFeature(f: Area, precision: number): Area | null {
  const id = countryId(f);
  const names = COUNTRY_NAMES[id] ?? { name_en: String(f.properties?.name) };
  const clipped = clipToView(rounded(f, precision));
  if (!clipped) return null;
  return { type: 'Feature', properties: { id, ...names, libya: id === LIBYA_ID }, geometry: clipped.geometry };
}

/**
 * Libya keeps the 4-decimal outline the regions were cut from, so the validator, which checks the
 * regions against the basemap's Libya, sees them tile it; other countries are rounded harder.
 */
function buildBasemap(detailed: Area[], coarse: Area[]): Area[] {
  const detailIds = new Set(detailed.map(countryId).filter((id) => DETAIL_IDS.has(id)));
  const chosen = [
    ...detailed.filter((f) => detailIds.has(countryId(f))).map((f) => countryFeature(f, countryId(f) === LIBYA_ID ? 4 : 3)),
    ...coarse.filter((f) => !detailIds.has(countryId(f)) && touches(f, VIEW_BBOX)).map((f) => countryFeature(f, 2)),
  ];
  return chosen
    .filter((f): f is Area => f !== null)
    .sort((a, b) => String(a.properties?.id).localeCompare(String(b.properties?.id)));
}

// ---------------------------------------------------------------- labels

type LabelSpec = Names & { id: string; kind: 'country' | 'sea'; lonlat: [number, number] };

/** Hand-placed for a view centred on Libya: inside each country's land, clear of the border. */
const LABELS: LabelSpec[] = [
  { id: 'label-libya', kind: 'country', lonlat: [18.0, 25.6], ...COUNTRY_NAMES['434']! },
  { id: 'label-tunisia', kind: 'country', lonlat: [9.4, 34.0], ...COUNTRY_NAMES['788']! },
  { id: 'label-algeria', kind: 'country', lonlat: [5.5, 28.0], ...COUNTRY_NAMES['012']! },
  { id: 'label-niger', kind: 'country', lonlat: [10.5, 18.5], ...COUNTRY_NAMES['562']! },
  { id: 'label-chad', kind: 'country', lonlat: [18.5, 17.5], ...COUNTRY_NAMES['148']! },
  { id: 'label-sudan', kind: 'country', lonlat: [29.5, 17.5], ...COUNTRY_NAMES['729']! },
  { id: 'label-egypt', kind: 'country', lonlat: [28.5, 26.5], ...COUNTRY_NAMES['818']! },
  { id: 'label-italy', kind: 'country', lonlat: [14.2, 41.6], ...COUNTRY_NAMES['380']! },
  { id: 'label-malta', kind: 'country', lonlat: [14.42, 35.89], ...COUNTRY_NAMES['470']! },
  { id: 'label-greece', kind: 'country', lonlat: [21.9, 39.4], ...COUNTRY_NAMES['300']! },
  { id: 'label-turkey', kind: 'country', lonlat: [33.5, 39.0], ...COUNTRY_NAMES['792']! },
  { id: 'sea-mediterranean', kind: 'sea', lonlat: [19.5, 34.3], name_en: 'Mediterranean Sea', name_ar: 'البحر الأبيض المتوسط', name_ru: 'Средиземное море' },
  { id: 'sea-gulf-of-sidra', kind: 'sea', lonlat: [18.6, 31.5], name_en: 'Gulf of Sidra', name_ar: 'خليج سرت', name_ru: 'залив Сидра' },
  { id: 'sea-black', kind: 'sea', lonlat: [34.0, 43.3], name_en: 'Black Sea', name_ar: 'البحر الأسود', name_ru: 'Чёрное море' },
  { id: 'sea-red', kind: 'sea', lonlat: [38.3, 20.3], name_en: 'Red Sea', name_ar: 'البحر الأحمر', name_ru: 'Красное море' },
];

function buildLabels(): Feature<Point>[] {
  return LABELS.map(({ lonlat, ...props }) => rounded(turf.point(lonlat, props), 4));
}

/** A sea label on land, or a country label outside its country, reads wrong; refuse it. */
function checkLabelPlacement(labels: Feature<Point>[], basemap: Area[]): string[] {
  const byName = new Map(basemap.map((c) => [c.properties?.name_en, c]));
  return labels.flatMap((label) => {
    const props = label.properties as LabelSpec;
    const onLand = basemap.find((c) => turf.booleanPointInPolygon(label, c));
    if (props.kind === 'sea' && onLand) return [`label "${props.id}" is on land (${onLand.properties?.name_en}) — move it to open water.`];
    const own = byName.get(props.name_en);
    if (props.kind === 'country' && own && !turf.booleanPointInPolygon(label, own)) {
      return [`label "${props.id}" lies outside ${props.name_en} — move it inside.`];
    }
    return [];
  });
}

// ---------------------------------------------------------------- output

/** One feature per line: small files, readable diffs. */
function serialize(features: Feature[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

function fail(problems: string[]): void {
  if (problems.length === 0) return;
  console.error(problems.map((p) => `  ✗ ${p}`).join('\n'));
  throw new Error(`build-geo: ${problems.length} problem(s); nothing written.`);
}

function main(): void {
  const detailed = loadCountries('50m');
  const coarse = loadCountries('110m');
  const libya = rounded(required(detailed.find((f) => f.id === LIBYA_ID) ?? null, 'Libya (50m)'), 4);

  const regions = buildRegions(libya);
  const zones = buildZones(regions);
  const places = buildPlaces(zones);
  const basemap = buildBasemap(detailed, coarse);
  const labels = buildLabels();
  const files: Record<string, Feature[]> = {
    'regions.geojson': regions,
    'places.geojson': places,
    'zones.geojson': zones,
    'counterparts.geojson': buildCounterparts(),
    'basemap.geojson': basemap,
    'labels.geojson': labels,
  };

  const texts = Object.fromEntries(Object.entries(files).map(([name, fs]) => [name, serialize(fs)]));
  fail([
    ...Object.entries(texts).flatMap(([name, text]) => checkGeoFile(name, JSON.parse(text))),
    ...checkRegionsTile(regions, basemap.find((f) => f.properties?.libya === true)),
    ...checkRegionShares(regions),
    ...checkPlacesInRegions(places, regions),
    ...checkLabelPlacement(labels, basemap),
  ]);

  mkdirSync(GEO_DIR, { recursive: true });
  for (const [name, text] of Object.entries(texts)) {
    writeFileSync(join(GEO_DIR, name), text);
    console.log(`geo/${name}: ${files[name]!.length} features, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`);
  }
  const shares = Object.entries(regionAreaShares(regions)).map(([id, s]) => `${id} ${s.toFixed(2)} %`);
  console.log(`region shares of Libya: ${shares.join(', ')}`);
}

main();
