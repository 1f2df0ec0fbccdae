/**
 * Where readers' error reports go, set when the atlas is built: `ATLAS_REPORT_URL` (a mailto:
 * address, a GitHub repository's new-issue page or an https:// form; src/lib/report/destination.ts).
 * The app reads it from `virtual:atlas-report` (null when unset: no "Report an error" control at
 * all). A value that cannot be used stops the build, saying what to write instead.
 */
import type { Plugin } from 'vite';
import { parseReportDestination, type ReportDestination } from '../../src/lib/report/destination.ts';

const VIRTUAL = 'virtual:atlas-report';

/** The destination ATLAS_REPORT_URL names (null when unset); throws with a readable message when it cannot be used. */
export function reportDestination(env: NodeJS.ProcessEnv = process.env): ReportDestination | null {
  return parseReportDestination(env['ATLAS_REPORT_URL']);
}

export function reportPlugin(env: NodeJS.ProcessEnv = process.env): Plugin {
  let dest: ReportDestination | null = null;
  return {
    name: 'atlas-report',
    // Checked before anything is built, so a bad value fails at once, in `vite build` and `vite dev` alike.
    configResolved() {
      dest = reportDestination(env);
    },
    resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : null),
    load: (id) => (id === `\0${VIRTUAL}` ? `export default ${JSON.stringify(dest)};` : null),
  };
}
