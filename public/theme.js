// The page's theme (theme=light|dark|auto) and an embed's transparent background (bg=transparent),
// set before the first paint so an embed never flashes a background the article does not have.
(function () {
  try {
    var q = new URLSearchParams(location.search);
    var t = q.get('theme');
    var root = document.documentElement;
    root.setAttribute('data-theme', t === 'dark' || t === 'auto' ? t : 'light');
    if (q.get('embed') === '1' && q.get('bg') === 'transparent') root.setAttribute('data-bg', 'transparent');
  } catch (e) {
    /* an unreadable address keeps the light theme */
  }
})();
