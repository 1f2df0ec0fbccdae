/** Stories (stories/<id>.json) are validated like the record: schema, names, and every month, place and record they point at. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateAll, formatProblem } from '../../scripts/validate/index.ts';
import { readTree } from '../../scripts/validate/disk.ts';

const root = resolve(import.meta.dirname, '../..');
const real = readTree(root);
const story = JSON.parse(readFileSync(resolve(root, 'stories/russia-in-libya.json'), 'utf8'));
const NOW = new Date('2026-12-02T12:00:00Z');
const withStory = (name: string, value: unknown) => ({ ...real, [`stories/${name}.json`]: JSON.stringify(value, null, 1) });
const lines = (files: ReturnType<typeof withStory>) => validateAll(files, { now: NOW }).map(formatProblem).filter((l) => l.startsWith('stories/'));

describe('stories', () => {
  it('the example story is valid', () => {
    expect(lines(real as ReturnType<typeof withStory>)).toEqual([]);
  });

  it('names a misspelt record and place with the near match, and a month after today', () => {
    const bad = structuredClone(story);
    bad.steps[0].records[0] = 'soviet-tripolitania-trusteeship-claim-194';
    bad.steps[1].place = 'tripolli';
    bad.steps[2].date = '2030-01';
    const got = lines(withStory('russia-in-libya', bad));
    expect(got).toHaveLength(3);
    expect(got[0]).toMatch(/step 1: records\[0\]: "soviet-tripolitania-trusteeship-claim-194" is not a known record id — did you mean "soviet-tripolitania-trusteeship-claim-1945"\?/);
    expect(got[1]).toMatch(/step 2: place: "tripolli" is not a known place id — did you mean "tripoli"\?/);
    expect(got[2]).toMatch(/step 3: date "2030-01" is after this month \(2026-12\)/);
  });

  it('refuses a step without records, HTML in a caption, a file named otherwise than its id', () => {
    const bad = structuredClone(story);
    bad.steps[0].records = [];
    bad.steps[1].caption.en = 'Moscow <b>claims</b>';
    const got = lines(withStory('another-name', bad)).join('\n');
    expect(got).toMatch(/a step rests on at least one record/);
    expect(got).toMatch(/HTML/);
    expect(got).toMatch(/the file name must equal the id/);
  });
});
