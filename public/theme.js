// The page's theme (theme=light|dark|auto), an embed's transparent background (bg=transparent) and
// the reader's language (lang=, else the browser's), set before the first paint: an embed never
// flashes a background the article does not have, and the page's first look (index.html's shell)
// is in the language the atlas will speak.
(function () {
  try {
    var q = new URLSearchParams(location.search);
    var t = q.get('theme');
    var root = document.documentElement;
    root.setAttribute('data-theme', t === 'dark' || t === 'auto' ? t : 'light');
    if (q.get('embed') === '1') root.setAttribute('data-embed', '');
    if (q.get('embed') === '1' && q.get('bg') === 'transparent') root.setAttribute('data-bg', 'transparent');
    var langs = ['en', 'ar', 'ru'];
    var lang = q.get('lang');
    if (langs.indexOf(lang) < 0) {
      lang = 'en';
      var asked = navigator.languages || [navigator.language];
      for (var i = 0; i < asked.length; i++) {
        var code = String(asked[i] || '').slice(0, 2).toLowerCase();
        if (langs.indexOf(code) >= 0) {
          lang = code;
          break;
        }
      }
    }
    root.lang = lang;
    root.dir = lang === 'ar' ? 'rtl' : 'ltr';
  } catch (e) {
    /* an unreadable address keeps the light theme */
  }
  // The app's script did not arrive or stopped before the atlas appeared: the first look says so
  // rather than "Loading the map…" for ever (the shell is gone once the atlas has mounted).
  function failed() {
    if (document.querySelector('#app > .shell')) document.documentElement.setAttribute('data-failed', '');
  }
  document.addEventListener('error', function (e) {
    var el = e.target;
    if (el && (el.tagName === 'SCRIPT' || (el.tagName === 'LINK' && el.rel === 'modulepreload'))) failed();
  }, true);
  window.addEventListener('unhandledrejection', failed);
  window.addEventListener('error', function (e) {
    if (e.target === window) failed();
  });
})();
