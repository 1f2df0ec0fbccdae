/**
 * The atlas's design tokens, one source for the page's CSS and the map's encoding: a type scale, a
 * spacing scale, a corner radius, and the colours of the page and of the map in the light and dark
 * themes. The CSS custom properties (`--ink`, `--type-lg`, `--map-land`…) are written from this file
 * when the atlas is built (scripts/lib/vite-tokens.ts); map/encoding.ts reads the map's colours from it.
 * Choices and examples: docs/design.md.
 */

/** Type sizes (px): caption, small, body, title, date. The date is the largest text on the page. */
export const TYPE = { xs: 12, sm: 14, md: 16, lg: 20, xl: 28, xxl: 36 } as const;

/** Spacing (px), in steps of 4. */
export const SPACE = [0, 4, 8, 12, 16, 24, 32, 48] as const;

/** Corners of buttons, menus and sheets (px). */
export const RADIUS = 6;

export type Theme = 'light' | 'dark';

/** The page's colours. */
export interface PageColors {
  ink: string;
  muted: string;
  rule: string;
  accent: string;
  link: string;
  focus: string;
  bg: string;
  surface: string;
  sheet: string;
  button: string;
  buttonLine: string;
  buttonHover: string;
  primary: string;
  primaryInk: string;
  faint: string;
  note: string;
  tick: string;
  tickMajor: string;
  track: string;
  density: string;
  alleged: string;
  denied: string;
  reported: string;
  confirmed: string;
}

/** The map's own colours (not the data's: authorities and forces keep theirs, data/actors.json). */
export interface MapColors {
  sea: string;
  land: string;
  /** Libya's land, under the control fills. */
  libyaLand: string;
  border: string;
  regionLine: string;
  label: string;
  placeLabel: string;
  regionLabel: string;
  seaLabel: string;
  /** The halo of names over Libya (its fills stay light in both themes). */
  halo: string;
  /** The halo of names off Libya: neighbours, seas, the arcs' edge labels. */
  haloOut: string;
  arc: string;
  /** The words that name Soviet and Russian forces on the map. */
  russia: string;
  /** The map's buttons (zoom) over the map. */
  control: string;
  controlInk: string;
}

export const PAGE: Record<Theme, PageColors> = {
  light: {
    ink: '#1a1a1a', muted: '#555555', rule: '#c9c9c9', accent: '#b2182b', link: '#0b57a4', focus: '#1a73e8',
    bg: '#ffffff', surface: '#ffffff', sheet: 'rgb(255 255 255 / 0.995)',
    button: '#f3f3f3', buttonLine: '#8a8a8a', buttonHover: '#e6e6e6', primary: '#1a1a1a', primaryInk: '#ffffff',
    faint: '#eeeeee', note: '#fff8e6', tick: '#999999', tickMajor: '#444444', track: '#bbbbbb', density: '#d0d0d0',
    alleged: '#8a4b00', denied: '#6b2c91', reported: '#31556e', confirmed: '#1b5e20',
  },
  dark: {
    ink: '#ececec', muted: '#b8b8b8', rule: '#4a4a4a', accent: '#ff7a85', link: '#8cb8ff', focus: '#8cb8ff',
    bg: '#141414', surface: '#1d1d1d', sheet: 'rgb(29 29 29 / 0.995)',
    button: '#2b2b2b', buttonLine: '#8a8a8a', buttonHover: '#383838', primary: '#ececec', primaryInk: '#141414',
    faint: '#333333', note: '#3a3020', tick: '#777777', tickMajor: '#bbbbbb', track: '#666666', density: '#555555',
    alleged: '#f0b46a', denied: '#d6a8f0', reported: '#9cc7e6', confirmed: '#8fd694',
  },
};

export const MAP: Record<Theme, MapColors> = {
  light: {
    sea: '#dce9f2', land: '#f4f1ea', libyaLand: '#ffffff', border: '#9a9a9a', regionLine: '#ffffff',
    label: '#3b3b3b', placeLabel: '#111111', regionLabel: '#1d1d1d', seaLabel: '#4a6f8a', halo: '#ffffff', haloOut: '#ffffff', arc: '#b2182b', russia: '#6b0010',
    control: 'rgb(255 255 255 / 0.92)', controlInk: '#1a1a1a',
  },
  // Dark: the sea, the neighbours, their borders and names go dark; Libya's control fills stay the
  // light tints of the light theme (the data's colours, checked once), bright on the dark land.
  dark: {
    sea: '#15212b', land: '#2a2a2a', libyaLand: '#ffffff', border: '#6a6a6a', regionLine: '#ffffff',
    label: '#c9c9c9', placeLabel: '#111111', regionLabel: '#1d1d1d', seaLabel: '#8fb3cf', halo: '#ffffff', haloOut: '#141414', arc: '#ff7b8a', russia: '#6b0010',
    control: 'rgb(40 40 40 / 0.92)', controlInk: '#f0f0f0',
  },
};

const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The custom properties of a theme: the page's colours as `--ink`…, the map's as `--map-sea`…. */
export function themeProperties(theme: Theme): string {
  return [
    ...Object.entries(PAGE[theme]).map(([k, v]) => `--${kebab(k)}: ${v};`),
    ...Object.entries(MAP[theme]).map(([k, v]) => `--map-${kebab(k)}: ${v};`),
  ].join(' ');
}

/** The scales as custom properties (`--type-md`, `--space-3`, `--radius`), the same in every theme. */
export function scaleProperties(): string {
  return [
    ...Object.entries(TYPE).map(([k, v]) => `--type-${k}: ${v / 16}rem;`),
    ...SPACE.map((v, i) => `--space-${i}: ${v}px;`),
    `--radius: ${RADIUS}px;`,
  ].join(' ');
}

/**
 * The stylesheet of the tokens: the light theme on :root, the dark one under data-theme="dark" and,
 * for theme=auto, under a dark colour-scheme preference (theme.js sets data-theme before the first paint).
 */
export function tokensCss(): string {
  return [
    `:root { ${scaleProperties()} ${themeProperties('light')} }`,
    `:root[data-theme='dark'] { ${themeProperties('dark')} }`,
    `@media (prefers-color-scheme: dark) { :root[data-theme='auto'] { ${themeProperties('dark')} } }`,
  ].join('\n');
}
