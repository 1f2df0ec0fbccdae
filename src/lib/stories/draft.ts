/**
 * A story drafted in the Share dialog, as the files a journalist copies: the story file for the
 * atlas's stories/ folder and the marked-up article. Each step rests on the records the atlas
 * shows for it (the month's events at the place, else who held it), so the file validates as is.
 */
import type { AtlasIndex } from '../records/atlasIndex.ts';
import { areaIn, viewAt } from '../records/view.ts';
import type { Story, StoryStep } from '../records/types.ts';
import type { LayerGroup } from '../state/layers.ts';
import { parseMonthKey } from '../time/months.ts';
import { normalizeText } from '../embed/options.ts';

export interface DraftStep {
  date: string;
  place: string | null;
  layers?: LayerGroup[];
  caption: string;
}

/** A story's first step and the story's title: what the picture for readers without JavaScript shows. */
export interface FirstStep {
  step: DraftStep;
  title: string;
}

// Russian and Arabic letters in Latin letters, for ids only (a simple, stable transliteration).
const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's',
  ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', ة: 'a', و: 'w',
  ي: 'y', ى: 'a', ء: '', ئ: '', ؤ: '', پ: 'p', چ: 'ch', گ: 'g', ڤ: 'v',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
};

/** FNV-1a, 32 bits, in hex: a stable short tag for a title no table covers. */
function tag(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * A story's id and file name from its title, in any of the atlas's languages.
 * @example slug('Russia in Libya, 1945–2025') // 'russia-in-libya-1945-2025'
 * @example slug('Россия в Ливии') // 'rossiya-v-livii'
 * @example slug('روسيا في ليبيا') // 'rwsya-fy-lybya'
 */
export function slug(title: string): string {
  const s = [...title.toLowerCase()]
    .map((c) => LATIN[c] ?? c)
    .join('')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  // Letters of a script the table does not cover (or none): still an id of its own, the same for the same title.
  return /[a-z]/.test(s) ? s : title.trim() ? `story-${tag(title.trim())}` : 'story';
}

/** Story text as the validator accepts it: one plain line (no controls, bidirectional overrides, U+FFFE/U+FFFF or markup), at most 200 characters. */
const clean = (s: string): string => normalizeText(s.replace(/[<>]/g, ' '), 200);

/** Why a drafted story cannot be a story file yet (what the validator would refuse), as messages for the builder. */
export type DraftProblem = { key: 'builder.needTitle' | 'builder.needSteps' | 'builder.tooManySteps' } | { key: 'builder.needRecords'; vars: { n: number } };

/**
 * The validator's rules a drafted story can break: a title, 2–20 steps, each resting on a record.
 * @example draftProblems(storyFile(index, '', steps)) // [{ key: 'builder.needTitle' }]
 */
export function draftProblems(story: Story): DraftProblem[] {
  const out: DraftProblem[] = [];
  if (!story.title.en) out.push({ key: 'builder.needTitle' });
  if (story.steps.length < 2) out.push({ key: 'builder.needSteps' });
  if (story.steps.length > 20) out.push({ key: 'builder.tooManySteps' });
  story.steps.forEach((s, i) => {
    if (s.records.length === 0) out.push({ key: 'builder.needRecords', vars: { n: i + 1 } });
  });
  return out;
}

/** The records a step's view rests on: the month's events at its place, or who held the place (or each region). */
export function recordsOf(index: AtlasIndex, step: DraftStep): string[] {
  const t = parseMonthKey(step.date);
  if (t === null) return [];
  const view = viewAt(index, t);
  const inside = step.place ? new Set([step.place, ...(index.placesIn.get(step.place) ?? [])]) : null;
  const events = view.events.filter((e) => !inside || e.places.some((p) => inside.has(p))).map((e) => e.id);
  if (events.length > 0) return events.slice(0, 5);
  const areas = step.place ? [areaIn(view, step.place)] : view.regions;
  return [...new Set(areas.flatMap((a) => (a?.shown ? [a.shown.id] : (a?.zones ?? []).flatMap((z) => (z.shown ? [z.shown.id] : [])))))];
}

export function storyFile(index: AtlasIndex, title: string, steps: DraftStep[]): Story {
  const name = clean(title);
  return {
    id: slug(name),
    title: { en: name },
    description: { en: clean(steps[0]?.caption ?? '') || name },
    steps: steps.map((s): StoryStep => ({
      date: s.date,
      ...(s.place ? { place: s.place } : {}),
      ...(s.layers ? { layers: s.layers } : {}),
      caption: { en: clean(s.caption) || s.date },
      records: recordsOf(index, s),
    })),
  };
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The article: the embed snippet, then one marked-up paragraph per step (embed.js moves the map to each as it is read). */
export function storyArticle(story: Story, snippet: string): string {
  const paragraphs = story.steps.map((s) => {
    const place = s.place ? ` data-place="${attr(s.place)}"` : ' data-place=""';
    const layers = s.layers ? ` data-layers="${attr(s.layers.join(','))}"` : '';
    return `<p data-atlas-step data-date="${attr(s.until ?? s.date)}"${place}${layers}>${text(s.caption.en)}</p>`;
  });
  return `${snippet}\n\n${paragraphs.join('\n\n')}\n`;
}
