/**
 * The story builder's output (issue 24): the story file and article code a journalist copies hold
 * no bidirectional or C1 control characters, a draft the validator would reject is refused with the
 * reason (no file is offered), and a title in Arabic or Russian gets an id of its own, not "story".
 */
import { describe, expect, it } from 'vitest';
import { draftProblems, slug, storyArticle, storyFile, type DraftStep } from '../../src/lib/stories/draft.ts';
import { indexData } from '../../src/lib/records/atlasIndex.ts';
import { loadData, REPO_ROOT } from '../../scripts/lib/load-data.ts';
import { readTree } from '../../scripts/validate/disk.ts';
import { formatProblem, validateAll } from '../../scripts/validate/index.ts';
import { ID_PATTERN } from '../../src/lib/records/schema.ts';

const index = indexData(loadData().data);
const step = (date: string, caption: string, place: string | null = null): DraftStep => ({ date, place, caption });
const TWO = [step('2019-04', 'Haftar moves on Tripoli.', 'tripoli'), step('2020-06', 'Wagner at al-Jufra.', 'jufra')];

/** The validator's verdict on a story file added to the atlas's own data. */
function validate(story: ReturnType<typeof storyFile>): string[] {
  const file = `stories/${story.id}.json`;
  const files = { ...readTree(REPO_ROOT), [file]: `${JSON.stringify(story, null, 1)}\n` };
  return validateAll(files).filter((p) => p.file === file).map(formatProblem);
}

describe('the story builder', () => {
  it('gives a file the validator accepts', { timeout: 30_000 }, () => {
    const story = storyFile(index, 'Russia and the Tripoli war', TWO);
    expect(draftProblems(story)).toEqual([]);
    expect(validate(story)).toEqual([]);
  });

  it('keeps bidirectional, C1 and other invisible controls out of the story file and the article code', () => {
    const story = storyFile(index, 'Russia\u202e in Libya\u2067', [step('2019-04', 'Haftar\u0085 moves\u200f\u202a on Tripoli\uffff.', 'tripoli'), step('2020-06', 'Wagner\u009b at al-Jufra.')]);
    const text = JSON.stringify(story) + storyArticle(story, '<iframe></iframe>');
    // (The article code has its own line breaks between paragraphs.)
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/);
    expect(story.title.en).toBe('Russia in Libya');
    expect(story.steps[0]!.caption.en).toBe('Haftar moves\u200f on Tripoli.');
    expect(draftProblems(story)).toEqual([]);
  });

  it('refuses what the validator would reject: a blank title, a single step, a step resting on no record', { timeout: 30_000 }, () => {
    const blank = storyFile(index, ' \u202e\u0085 ', TWO);
    expect(draftProblems(blank)).toEqual([{ key: 'builder.needTitle' }]);
    expect(validate(blank).length).toBeGreaterThan(0);
    const one = storyFile(index, 'One step', TWO.slice(0, 1));
    expect(draftProblems(one)).toEqual([{ key: 'builder.needSteps' }]);
    expect(validate(one).length).toBeGreaterThan(0);
    const many = storyFile(index, 'Too long', Array.from({ length: 21 }, () => TWO[0]!));
    expect(draftProblems(many)).toEqual([{ key: 'builder.tooManySteps' }]);
    const bare = storyFile(index, 'Nothing there', [...TWO, step('1943-01', 'Before anything.', 'sharara')]);
    if (bare.steps[2]!.records.length === 0) expect(draftProblems(bare)).toEqual([{ key: 'builder.needRecords', vars: { n: 3 } }]);
  });

  it('gives a title in Russian or Arabic an id of its own', () => {
    expect(slug('Россия в Ливии, 1945–2025')).toBe('rossiya-v-livii-1945-2025');
    const ar = slug('روسيا في ليبيا');
    const ar2 = slug('فاغنر في الجفرة');
    for (const id of [ar, ar2]) expect(id).toMatch(ID_PATTERN);
    expect(ar).not.toBe('story');
    expect(ar).not.toBe(ar2);
    expect(slug('Russia in Libya, 1945–2025')).toBe('russia-in-libya-1945-2025');
    // A script neither table covers still gets an id of its own, stable for the same title.
    expect(slug('俄罗斯在利比亚')).toMatch(/^story-[0-9a-f]{8}$/);
    expect(slug('俄罗斯在利比亚')).toBe(slug('俄罗斯在利比亚'));
  });
});
