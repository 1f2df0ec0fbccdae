/*
 * Libya–Russia Atlas: sizes each embedded atlas (<iframe data-atlas>) to its content.
 * Listens for the atlas's {type: 'atlas:height', version: 1, height} messages and trusts only a
 * message that comes from that iframe's window and from the origin of its src.
 * Its state stays out of the page's DOM namespace: the "loaded once" mark is a Symbol on window (an
 * element's id or name can shadow a named property, never a Symbol), and document methods are taken
 * from Document.prototype (an <img name="querySelectorAll"> can shadow them on document).
 */
(function () {
  var MARK = Symbol.for('libya-russia-atlas/embed.js');
  if (window[MARK]) return;
  Object.defineProperty(window, MARK, { value: true });

  var query = Document.prototype.querySelectorAll;
  var Url = URL;

  function originOf(src) {
    try {
      return new Url(src, location.href).origin;
    } catch (e) {
      return null;
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'atlas:height' || data.version !== 1) return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    var frames = query.call(document, 'iframe[data-atlas]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source || originOf(frame.src) !== event.origin) continue;
      // The atlas keeps itself under 900 px; the cap only guards the page against a broken frame.
      frame.style.height = Math.min(Math.max(Math.ceil(height), 200), 3000) + 'px';
    }
  });
})();
