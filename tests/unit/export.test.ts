/**
 * The "Data" download: which records a month's file holds, that each carries its sources, and that
 * no cell can run as a spreadsheet formula.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { indexData } from '../../src/lib/records/atlasIndex.ts';
import { viewAt } from '../../src/lib/records/view.ts';
import { monthIndex } from '../../src/lib/time/dates.ts';
import { recordsInView as rowsInView, wholeRecord, type ExportRow, type Speaker } from '../../src/lib/downloads/rows.ts';
import { CSV_COLUMNS, toCsv, toGeoJson, toJsonPackage } from '../../src/lib/downloads/formats.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Layers } from '../../src/lib/state/layers.ts';
import { loadData, REPO_ROOT } from '../../scripts/lib/load-data.ts';

const { data, citations } = loadData();
const index = indexData(data);
const JUNE_2019 = monthIndex(2019, 6);
const recordsInView = (ix: typeof index, t: number, layers?: Layers, speak?: Speaker) => rowsInView(ix, viewAt(ix, t), citations, layers, speak);

function parseCsv(csv: string): Record<string, string>[] {
  const out = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(out.errors).toEqual([]);
  return out.data;
}

describe('recordsInView', () => {
  const rows = recordsInView(index, JUNE_2019);

  it('June 2019 holds the Wagner presence with its source', () => {
    const wagner = rows.filter((r) => r.kind === 'presence' && r.actor === 'wagner');
    expect(wagner.length).toBeGreaterThan(0);
    for (const w of wagner) {
      expect(w.sources.length).toBeGreaterThan(0);
      expect(w.sources[0]!.publisher).not.toBe('');
      expect(w.sources[0]!.passage).not.toBe('');
    }
  });

  it('holds the control of each region, and only records overlapping the month', () => {
    for (const region of index.regionIds) expect(rows.some((r) => r.kind === 'control' && r.place === region)).toBe(true);
    const t = (d: string) => Number(d.slice(0, 4)) * 12 + (d.length > 4 ? Number(d.slice(5, 7)) - 1 : 0);
    for (const r of rows) {
      if (r.kind === 'event') expect(r.date.startsWith('2019')).toBe(true);
      else {
        expect(t(r.start)).toBeLessThanOrEqual(JUNE_2019);
        if (r.end) expect(Number(r.end.slice(0, 4))).toBeGreaterThanOrEqual(2019);
      }
    }
  });

  it('every row has sources', () => {
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(r.sources.length, r.id).toBeGreaterThan(0);
  });

  it('follows the layers: without control and presence only events remain', () => {
    const only = recordsInView(index, JUNE_2019, { control: false, presence: false, diplomacy: true });
    expect(only.every((r) => r.kind === 'event')).toBe(true);
  });

  it('writes texts and names with the translator it is given', () => {
    const shout = { text: (l: { en: string } | undefined) => (l ? l.en.toUpperCase() : ''), name: (p: { name_en: string }) => `«${p.name_en}»` };
    const loud = recordsInView(index, JUNE_2019, undefined, shout);
    const w = loud.find((r) => r.kind === 'presence' && r.actor === 'wagner')!;
    expect(w.actor_name).toBe(w.actor_name.toUpperCase());
    expect(w.place_name).toMatch(/^«.+»$/);
    expect(w.id).toBe(w.id.toLowerCase());
  });

  it('another month gives other records: no Wagner in 1960, the US at Wheelus', () => {
    const in1960 = recordsInView(index, monthIndex(1960, 6));
    expect(in1960.some((r) => r.actor === 'wagner')).toBe(false);
    expect(in1960.some((r) => r.kind === 'presence' && r.place === 'wheelus')).toBe(true);
  });
});

describe('toCsv', () => {
  it('one row per record with the columns in order, each citation a line of the source columns', () => {
    const rows = recordsInView(index, JUNE_2019);
    const csv = toCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    const parsed = parseCsv(csv);
    expect(parsed.length).toBe(rows.length);
    const wagner = parsed.find((r) => r['kind'] === 'presence' && r['actor'] === 'wagner')!;
    expect(wagner).toBeDefined();
    const record = rows.find((r) => r.id === wagner['id'])!;
    const cols = ['source_id', 'source_publisher', 'source_title', 'source_date', 'source_url', 'source_kind', 'source_aligned_with', 'passage', 'passage_is'];
    for (const c of cols) expect(wagner[c]!.split('\n'), c).toHaveLength(record.sources.length);
    record.sources.forEach((s, i) => {
      expect(wagner['source_title']!.split('\n')[i]).toBe(s.title);
      expect(wagner['passage']!.split('\n')[i]).toBe(s.passage);
      expect(wagner['passage_is']!.split('\n')[i]).toBe(s.paraphrase ? 'paraphrase' : 'quote');
    });
    for (const r of parsed) expect(r['source_id'], r['id']).not.toBe('');
  });

  it('keeps who made a claim, what answers what, category, counterpart, challengers and both precisions', () => {
    const rows = parseCsv(toCsv(wholeRecord(index, citations)));
    const byId = new Map(rows.map((r) => [r['id'], r]));
    const claim = data.events.find((e) => e.status === 'alleged' && e.claimedBy)!;
    expect(byId.get(claim.id)!['claimed_by']).toBe(claim.claimedBy);
    const denial = data.events.find((e) => e.responds)!;
    expect(byId.get(denial.id)!['responds_to']).toBe(denial.responds);
    const visit = byId.get('putin-visit-2008-04')!;
    expect(visit['category']).toBe('diplomatic');
    expect(visit['counterpart']).toBe('moscow');
    expect(visit['russia']).toBe('true');
    const contested = data.control.find((c) => c.contested && c.contestedBy?.length)!;
    expect(byId.get(contested.id)!['contested_by']).toBe(contested.contestedBy!.join('; '));
    const closed = data.control.find((c) => c.end !== null && c.start.length !== c.end.length)!;
    const row = byId.get(closed.id)!;
    expect(row['start_precision']).not.toBe(row['end_precision']);
    // Every paraphrase is marked as one: none reads as a quotation.
    const paraphrases = rows.flatMap((r) => r['passage_is']!.split('\n')).filter((x) => x === 'paraphrase');
    expect(paraphrases.length).toBeGreaterThan(5);
  });

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    const base = recordsInView(index, JUNE_2019)[0]!;
    const evil: ExportRow = {
      ...base,
      id: 'evil',
      title: '=HYPERLINK("http://example.com","click")',
      summary: '+1+1',
      strength: '-2+3',
      actor_name: '@SUM(A1)',
      place_name: '\tx',
      sources: [{ ...base.sources[0]!, passage: '=cmd|" /C calc"!A0' }],
    };
    const row = parseCsv(toCsv([evil]))[0]!;
    expect(row['title']).toBe(`'=HYPERLINK("http://example.com","click")`);
    expect(row['summary']).toBe("'+1+1");
    expect(row['strength']).toBe("'-2+3");
    expect(row['actor_name']).toBe("'@SUM(A1)");
    expect(row['place_name']).toBe("'\tx");
    expect(row['passage']!.startsWith("'=")).toBe(true);
    for (const v of Object.values(row)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('the whole record', () => {
  it('holds every record of every kind, each with its sources', () => {
    const rows = wholeRecord(index, citations);
    expect(rows.filter((r) => r.kind === 'control')).toHaveLength(data.control.length);
    expect(rows.filter((r) => r.kind === 'presence')).toHaveLength(data.presence.length);
    expect(rows.filter((r) => r.kind === 'event')).toHaveLength(data.events.length);
    for (const r of rows) expect(r.sources.length, r.id).toBeGreaterThan(0);
  });

  it('as GeoJSON: region periods are polygons, the rest points, with the metadata', () => {
    const meta = { title: 'Libya–Russia Atlas', dataAsOf: '2025-10-31', contents: 'the whole record', licence: 'x', cite: 'y', url: 'https://example.org/' };
    const fc = JSON.parse(JSON.stringify(toGeoJson(index, wholeRecord(index, citations), meta)));
    expect(fc.metadata.dataAsOf).toBe('2025-10-31');
    const region = fc.features.find((f: { properties: { kind: string; place: string } }) => f.properties.kind === 'control' && f.properties.place === 'cyrenaica');
    expect(['Polygon', 'MultiPolygon']).toContain(region.geometry.type);
    const place = fc.features.find((f: { properties: { kind: string; place: string } }) => f.properties.kind === 'control' && f.properties.place === 'tripoli');
    expect(place.geometry.type).toBe('Point');
    expect(fc.features.every((f: { geometry: unknown }) => f.geometry !== null)).toBe(true);
  });

  it('as JSON: the data set with its citations, the same as the files', () => {
    const meta = { title: 'Libya–Russia Atlas', dataAsOf: '2025-10-31', contents: 'the whole record', licence: 'x', cite: 'y', url: 'https://example.org/' };
    const pkg = JSON.parse(toJsonPackage(index, citations, meta));
    const onDisk = JSON.parse(readFileSync(resolve(REPO_ROOT, 'data/events.json'), 'utf8'));
    expect(pkg.events).toEqual(onDisk);
    expect(pkg.actors.length).toBe(data.actors.length);
    expect(pkg.metadata.contents).toBe('the whole record');
  });
});

describe('toGeoJson', () => {
  it('one feature per record at its place, with sources as objects', () => {
    const rows = recordsInView(index, JUNE_2019);
    const fc = JSON.parse(JSON.stringify(toGeoJson(index, rows)));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBe(rows.length);
    for (const f of fc.features) {
      expect(f.properties.kind === 'control' && /^(tripolitania|cyrenaica|fezzan)/.test(f.properties.place) ? ['Polygon', 'MultiPolygon'] : ['Point', 'MultiPoint']).toContain(f.geometry.type);
      expect(f.properties.sources.length).toBeGreaterThan(0);
      for (const s of f.properties.sources) expect(Object.keys(s)).toEqual(expect.arrayContaining(['publisher', 'title', 'date', 'url', 'passage']));
    }
    const wagner = fc.features.find((f: { properties: { actor: string; kind: string } }) => f.properties.kind === 'presence' && f.properties.actor === 'wagner');
    expect(wagner.properties.sources[0].passage).not.toBe('');
    // A place's record sits at the place.
    const tripoli = fc.features.find((f: { properties: { place: string; kind: string } }) => f.properties.kind === 'control' && f.properties.place === 'tripoli');
    expect(tripoli.geometry.coordinates).toEqual([13.1913, 32.8872]);
  });
});
