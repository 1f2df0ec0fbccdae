/**
 * The map's theme as the reader sees the page: theme=dark, or theme=auto under a dark colour-scheme
 * preference (public/theme.js writes the choice on <html data-theme> before the first paint); it
 * follows the preference while the page is open.
 */
import type { Theme } from '../tokens/tokens.ts';

export class PageTheme {
  current = $state<Theme>('light');

  constructor(root: HTMLElement = document.documentElement) {
    const mode = root.dataset['theme'];
    if (mode === 'dark') this.current = 'dark';
    else if (mode === 'auto' && typeof matchMedia === 'function') {
      const query = matchMedia('(prefers-color-scheme: dark)');
      this.current = query.matches ? 'dark' : 'light';
      query.addEventListener('change', (e) => (this.current = e.matches ? 'dark' : 'light'));
    }
  }
}
