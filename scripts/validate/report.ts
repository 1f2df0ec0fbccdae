/**
 * Problems and how they are written: one line each, "file:line [record id] what is wrong — the fix".
 * A problem found inside a parsed file keeps the path to the value it concerns; its line is looked
 * up only when the report is read (see files.ts), so a file with thousands of problems costs one
 * source-map pass, not one scan per problem.
 */
import { lineOf, type Doc, type Path } from './files.ts';

export interface Problem {
  /** Repo-relative path, e.g. "data/events.json". */
  file: string;
  line?: number;
  /** The record's id, when the problem belongs to one record. */
  id?: string;
  /** What is wrong and how to fix it, in words for a data editor. */
  message: string;
  /** Which rule it breaks, e.g. "lifespan"; for counts per rule (`npm run validate -- --by-rule`). */
  rule?: string;
}

interface Pending {
  doc?: Doc;
  path?: Path;
  problem: Problem;
}

export class Report {
  readonly #pending: Pending[] = [];
  /** Warnings: worth a look (a likely duplicate, an older record's missing translation), never a reason to stop the build. */
  readonly #warnings: Pending[] = [];

  /** A problem at the value `path` of a parsed file. */
  at(doc: Doc, path: Path, id: string | undefined, message: string, rule?: string): void {
    this.#pending.push({ doc, path, problem: { file: doc.file, id, message, rule } });
  }

  /** A problem with a whole file (or at a known line), or with a record no longer in it (`id`). */
  file(file: string, message: string, rule?: string, line?: number, id?: string): void {
    this.#pending.push({ problem: { file, line, id, message, rule } });
  }

  /** A warning at the value `path` of a parsed file: printed, but the data may still ship. */
  warn(doc: Doc, path: Path, id: string | undefined, message: string, rule?: string): void {
    this.#warnings.push({ doc, path, problem: { file: doc.file, id, message, rule } });
  }

  get size(): number {
    return this.#pending.length;
  }

  /** Sorted by file and line; identical lines (zod can say one thing twice) only once. */
  sorted(): Problem[] {
    return Report.#sort(this.#pending);
  }

  /** The warnings, sorted like the problems. */
  sortedWarnings(): Problem[] {
    return Report.#sort(this.#warnings);
  }

  static #sort(pending: readonly Pending[]): Problem[] {
    const seen = new Set<string>();
    const out: Problem[] = [];
    for (const { doc, path, problem } of pending) {
      const line = doc && path ? lineOf(doc, path) : problem.line;
      // Only the fields that are set, so that tests can compare problems as plain objects.
      const p: Problem = { file: problem.file, message: problem.message };
      if (line !== undefined) p.line = line;
      if (problem.id !== undefined) p.id = problem.id;
      if (problem.rule !== undefined) p.rule = problem.rule;
      const key = formatProblem(p);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(p);
    }
    return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  }
}

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return `${where} ${p.id === undefined ? '' : `[${p.id}] `}${p.message}`;
}

/** How many problems are listed per file before "… and K more problems in <file>". */
export const MAX_LISTED_PER_FILE = 50;

/**
 * The lines to print: at most `perFile` problems of each file, then how many more there are.
 * Problems must be sorted by file (as Report.sorted returns them).
 */
export function formatProblems(problems: readonly Problem[], perFile = MAX_LISTED_PER_FILE): string[] {
  const lines: string[] = [];
  let i = 0;
  while (i < problems.length) {
    const file = problems[i]!.file;
    let n = 0;
    for (; i < problems.length && problems[i]!.file === file; i++, n++) if (n < perFile) lines.push(formatProblem(problems[i]!));
    if (n > perFile) lines.push(`… and ${plural(n - perFile, 'more problem')} in ${file}`);
  }
  return lines;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** Characters that must never reach a terminal raw: controls, bidi overrides, line separators. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** A value as it is written, shortened, with invisible characters shown as \uXXXX. */
export function quote(v: unknown): string {
  const raw = typeof v === 'number' && !Number.isFinite(v) ? String(v) : (JSON.stringify(v) ?? String(v));
  const s = raw.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return s.length > 70 ? `${s.slice(0, 67)}…` : s;
}

/** A character as "U+202E". */
export const codePoint = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** "sources[0].passage" */
export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, seg) => (typeof seg === 'number' ? `${s}[${seg}]` : s ? `${s}.${String(seg)}` : String(seg)), '');
}
