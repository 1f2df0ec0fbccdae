/**
 * Stories (stories/<id>.json): the schema, a file named after its id, and each step's month, place
 * and records known to the atlas, so a story never points at something that is not there.
 */
import { Story } from '../../src/lib/records/schema.ts';
import type { Doc } from './files.ts';
import type { Report } from './report.ts';
import { checkSchema, isObject } from './schema-messages.ts';
import { hygieneSkipsSchemaIssue } from './hygiene.ts';
import { unknownIdMessage } from './references.ts';

export const STORIES_DIR = 'stories/';
export const isStoryFile = (file: string): boolean => file.startsWith(STORIES_DIR) && /^[^/]+\.json$/.test(file.slice(STORIES_DIR.length));

const FIRST = '1943-01';

export function checkStories(report: Report, docs: Map<string, Doc>, known: { places: Set<string> | null; records: Set<string> | null }, today: { year: number; month?: number }): void {
  const last = `${String(today.year).padStart(4, '0')}-${String(today.month ?? 12).padStart(2, '0')}`;
  for (const doc of docs.values()) {
    if (!isStoryFile(doc.file)) continue;
    const failed = checkSchema(report, doc, [], doc.data, Story, hygieneSkipsSchemaIssue);
    if (!isObject(doc.data)) continue;
    const story = doc.data;
    const id = typeof story.id === 'string' ? story.id : undefined;
    const expected = doc.file.slice(STORIES_DIR.length).replace(/\.json$/, '');
    if (id !== undefined && !failed.has('id') && id !== expected) {
      report.at(doc, ['id'], id, `the file name must equal the id: rename the file to ${STORIES_DIR}${id}.json or change "id" to "${expected}"`, 'ids');
    }
    if (failed.has('steps') || !Array.isArray(story.steps)) continue;
    story.steps.forEach((step: unknown, n: number) => {
      if (!isObject(step)) return;
      const at = (field: string, message: string, path: (string | number)[] = [field]) => report.at(doc, ['steps', n, ...path], id, `step ${n + 1}: ${message}`, 'stories');
      for (const field of ['date', 'until'] as const) {
        const v = step[field];
        if (typeof v !== 'string' || !/^\d{4}-\d{2}$/.test(v)) continue;
        if (v < FIRST) at(field, `${field} "${v}" is before the atlas's first month (${FIRST})`);
        if (v > last) at(field, `${field} "${v}" is after this month (${last}) — a story tells what has happened`);
      }
      if (typeof step.date === 'string' && typeof step.until === 'string' && step.until <= step.date) at('until', `until "${step.until}" must come after date "${step.date}"`);
      if (typeof step.place === 'string' && known.places && !known.places.has(step.place)) at('place', unknownIdMessage('place', step.place, 'place', known.places, 'geo/places.geojson and geo/regions.geojson'));
      const records = known.records;
      if (Array.isArray(step.records) && records) {
        step.records.forEach((r: unknown, k: number) => {
          if (typeof r === 'string' && !records.has(r)) at('records', unknownIdMessage(`records[${k}]`, r, 'record', records, 'data/control.json, presence.json and events.json'), ['records', k]);
        });
      }
    });
  }
}
