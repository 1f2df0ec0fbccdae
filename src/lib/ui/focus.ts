/**
 * Takes the reader to a view they opened, once it is on the page (its code loads on first use):
 * focus moves only on the reader's own action, never when a link opens the view.
 */
export function focusWhenShown(id: string, frames = 120): void {
  const el = document.getElementById(id);
  if (el) el.focus();
  else if (frames > 0) requestAnimationFrame(() => focusWhenShown(id, frames - 1));
}
