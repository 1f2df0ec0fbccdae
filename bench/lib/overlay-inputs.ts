/**
 * What laying out the map's overlay in Node needs (bench/names.ts, sections/placement.ts): the
 * record's index, the map's labels and region anchors, with the Arabic and Russian catalogs
 * registered (their record translations left out: the names come from geo/ and data/actors.json).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { regionLabelFeatures } from '../../src/lib/map/overlay.ts';
import { registerLanguage } from '../../src/lib/i18n/i18n.ts';
import { ar } from '../../src/lib/i18n/ar.ts';
import { ru } from '../../src/lib/i18n/ru.ts';
import { indexData, type AtlasIndex } from '../../src/lib/records/atlasIndex.ts';
import { loadData } from '../../scripts/lib/load-data.ts';

export function overlayInputs(): { index: AtlasIndex; labels: FeatureCollection; regionAnchors: FeatureCollection<Point> } {
  registerLanguage('ar', ar, new Map());
  registerLanguage('ru', ru, new Map());
  const { data, dataAsOf } = loadData();
  const index = indexData(data, dataAsOf);
  const labels = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../geo/labels.geojson'), 'utf8')) as FeatureCollection;
  return { index, labels, regionAnchors: regionLabelFeatures(index) };
}
