/**
 * `virtual:atlas-tokens.css`: the page's custom properties written from the design tokens
 * (src/lib/tokens/tokens.ts), so the CSS and the map's encoding read one source.
 */
import type { Plugin } from 'vite';
import { tokensCss } from '../../src/lib/tokens/tokens.ts';

const ID = 'virtual:atlas-tokens.css';

export function tokensPlugin(): Plugin {
  return {
    name: 'atlas-tokens',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load: (id) => (id === `\0${ID}` ? tokensCss() : null),
  };
}
