/**
 * The layers of the code, checked by `npm run layers` (part of `npm test`): a folder imports only the
 * folders below it, and no module imports itself back through others (no cycle).
 *
 * src/lib, from the bottom up (a folder may import any folder before it in this list, never one after):
 *   tokens     the design tokens: type and spacing scales, the page's and the map's colours (CSS and encoding read them)
 *   net        loading code on demand, and saying so when the connection drops (lazy.ts); work put off until the page is idle (idle.ts)
 *   time       months, intervals, dates at their precision
 *   records    the record: types, schema, index, the view of the month (view.ts) and its selectors
 *   i18n       message catalogs, formatting, loading a language's translations
 *   words      what the atlas says in words: names, status text, summaries, changes, corrections
 *   state      the reader's selection and its URL form (params.ts: the one table of URL parameters)
 *   embed      the embed: host-page messages, the journalist's options, the snippet
 *   report     a reader's error report: where it goes (set when the atlas is built) and what it says
 *   map        the SVG and WebGL maps, the overlay and its placement, images (the only importer of maplibre-gl)
 *   downloads  the "Data" downloads (rows and file formats) and saving a file
 *   stories    stories: loading, a step's view, drafts from the Share dialog
 *   ui         components: slider, panel, legend, dialogs, the story stepper and builder
 * then src/App.svelte and src/main.ts, which compose them.
 *
 * Outside src/: scripts/ (build-time tools) may import src/; bench/ may import src/ and scripts/;
 * tests/ may import anything. src/ imports none of them.
 */
const LAYERS = ['tokens', 'net', 'time', 'records', 'i18n', 'words', 'state', 'embed', 'report', 'map', 'downloads', 'stories', 'ui'];

/** Imports that break the order today and are being removed; each entry names its issue. Keep it empty. */
const TEMPORARY = [];

const above = (i) => LAYERS.slice(i + 1);

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'A module of src/ imports itself back through others. Move what both need into a module (or a folder) below them.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-runtime-cycle',
      severity: 'error',
      comment: 'A tool, benchmark or test module imports itself back through others at run time. Move what both need into a module below them.',
      from: { path: '^(scripts|bench|tests)/' },
      // A type named back (scripts/validate: files.ts takes the Report type that report.ts builds on files.ts) is no cycle at run time.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    ...LAYERS.slice(0, -1).map((layer, i) => ({
      name: `${layer}-imports-down`,
      severity: 'error',
      comment: `src/lib/${layer}/ may import only ${LAYERS.slice(0, i).join(', ') || 'no other folder of src/lib'} (see the order at the top of .dependency-cruiser.cjs). Move the shared code down, or the importer up.`,
      from: { path: `^src/lib/${layer}/`, pathNot: TEMPORARY.map((t) => t.from) },
      to: { path: `^src/lib/(${above(i).join('|')})/` },
    })),
    {
      name: 'lib-does-not-import-the-app',
      severity: 'error',
      comment: 'src/App.svelte and src/main.ts compose src/lib; nothing in src/lib imports them.',
      from: { path: '^src/lib/' },
      to: { path: '^src/(App\\.svelte|main\\.ts)$' },
    },
    {
      name: 'src-ships-alone',
      severity: 'error',
      comment: 'src/ holds only what ships: it imports no build-time tool, benchmark or test.',
      from: { path: '^src/' },
      to: { path: '^(scripts|bench|tests)/' },
    },
    {
      name: 'scripts-below-bench-and-tests',
      severity: 'error',
      comment: 'Build-time tools do not import the benchmark or the tests: put what both need in scripts/lib/.',
      from: { path: '^scripts/' },
      to: { path: '^(bench|tests)/' },
    },
    {
      name: 'bench-below-tests',
      severity: 'error',
      comment: 'The benchmark does not import the tests: put what both need in scripts/lib/ (as scripts/lib/chromium.ts).',
      from: { path: '^bench/' },
      to: { path: '^tests/' },
    },
    {
      name: 'maplibre-behind-one-door',
      severity: 'error',
      comment: 'Only src/lib/map/ imports maplibre-gl.',
      from: { path: '^src/', pathNot: '^src/lib/map/' },
      to: { path: '(^|node_modules/)maplibre-gl(/|$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Built sites (the benchmark's, the build's) are not source.
    exclude: { path: '^(node_modules|dist|bench/results|test-results)/' },
    // Type-only imports count: a type shared upwards is still a folder leaning on the one above it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.svelte', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
