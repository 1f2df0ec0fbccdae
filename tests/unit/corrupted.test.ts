/**
 * Data that bypassed the validator (an edited build, a future loader) never breaks the page: the
 * index leaves out records that fail its cheap checks, with a warning, and the view, the words and
 * the SVG map carry on with the rest.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { indexData } from '../../src/lib/records/atlasIndex.ts';
import { viewAt } from '../../src/lib/records/view.ts';
import { renderSvgMap } from '../../src/lib/map/svgMap.ts';
import { FALLBACK_COLOR, actorColor } from '../../src/lib/map/encoding.ts';
import { statusSentences } from '../../src/lib/words/statusText.ts';
import { translator } from '../../src/lib/i18n/i18n.ts';
import { FIRST_MONTH, currentMonth } from '../../src/lib/time/months.ts';
import { ALL_LAYERS } from '../../src/lib/state/layers.ts';
import { loadData, REPO_ROOT } from '../../scripts/lib/load-data.ts';
import { svgPaths } from '../../scripts/lib/svg-paths.ts';
import type { AtlasData } from '../../src/lib/records/types.ts';

afterEach(() => vi.restoreAllMocks());

function corrupted(): AtlasData {
  const { data } = loadData();
  const d = structuredClone(data) as AtlasData & Record<string, unknown[]>;
  const evil = (list: unknown[], i: number, patch: Record<string, unknown>) => Object.assign(list[i] as object, patch);
  evil(d.events, 0, { date: '2019-13-45' });
  evil(d.events, 1, { status: '<img src=x onerror=alert(1)>' });
  evil(d.events, 2, { places: ['atlantis'] });
  evil(d.events, 3, { title: null });
  evil(d.control, 0, { start: 'yesterday' });
  evil(d.control, 1, { end: '1900' });
  evil(d.presence, 0, { status: 42 });
  evil(d.actors, d.actors.findIndex((a) => a.id === 'lna'), { color: 'url(https://evil.example/x)' });
  d.events.push(null as never);
  return d;
}

describe('a corrupted data set', () => {
  it('leaves the bad records out with a warning, and the view, the words and the SVG map work for every month', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const index = indexData(corrupted());
    expect(index.rejected.length).toBe(8);
    expect(warn).toHaveBeenCalledTimes(8);
    expect(actorColor(index.actors.get('lna'))).toBe(FALLBACK_COLOR);

    const paths = svgPaths(REPO_ROOT);
    const labels = JSON.parse(readFileSync(resolve(REPO_ROOT, 'geo/labels.geojson'), 'utf8')) as FeatureCollection;
    const tr = translator('en');
    for (let t = FIRST_MONTH; t <= currentMonth(); t += 7) {
      const view = viewAt(index, t);
      expect(statusSentences(index, tr, view).length).toBeGreaterThan(2);
      const svg = renderSvgMap({ index, view, paths, labels, width: 400, height: 300, tr, layers: ALL_LAYERS, markers: true });
      expect(svg).not.toMatch(/url\(https|onerror|javascript:/);
    }
  });
});
