/*
 * Libya–Russia Atlas: sizes each embedded atlas (<iframe data-atlas>) to its content, and moves it
 * to the view of each marked paragraph (data-atlas-step) as the reader scrolls.
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

  /*
   * Scrolling stories without code: paragraphs marked
   *   <p data-atlas-step data-date="2019-04" data-place="tripoli" data-layers="control,presence">…</p>
   * move the atlas (the first <iframe data-atlas> on the page, or the one whose id data-atlas-for
   * names) to their view as they reach the middle of the screen. The atlas checks every value and
   * keeps a message sent before it is ready; it never scrolls the page or takes the focus.
   */
  var IO = window.IntersectionObserver;
  function frameFor(step) {
    var id = step.getAttribute('data-atlas-for');
    var frames = query.call(document, 'iframe[data-atlas]');
    for (var i = 0; i < frames.length; i++) if (!id || frames[i].id === id) return frames[i];
    return null;
  }
  function messageOf(step) {
    var m = { type: 'atlas:set', version: 1 };
    var date = step.getAttribute('data-date');
    if (date) m.date = date;
    if (step.hasAttribute('data-place')) m.place = step.getAttribute('data-place') || null;
    var layers = step.getAttribute('data-layers');
    if (layers !== null) m.layers = layers;
    return m;
  }
  var active = null;
  function show(step) {
    if (step === active) return;
    var frame = frameFor(step);
    var origin = frame && originOf(frame.src);
    if (!frame || !frame.contentWindow || !origin) return;
    if (active) active.removeAttribute('data-atlas-active');
    active = step;
    step.setAttribute('data-atlas-active', '');
    frame.contentWindow.postMessage(messageOf(step), origin);
    // A frame still loading (or lazily loaded) would miss it: say it again once the atlas is there.
    if (!loaded.has(frame)) {
      loaded.add(frame);
      frame.addEventListener('load', function () {
        if (active && frameFor(active) === frame && frame.contentWindow) frame.contentWindow.postMessage(messageOf(active), origin);
      });
    }
  }
  var loaded = new WeakSet();
  function watchSteps() {
    var steps = query.call(document, '[data-atlas-step]');
    if (!steps.length || !IO) return;
    // A band across the middle of the screen: the step in it is the one being read.
    var observer = new IO(function (entries) {
      for (var i = 0; i < entries.length; i++) if (entries[i].isIntersecting) show(entries[i].target);
    }, { rootMargin: '-45% 0px -45% 0px' });
    for (var i = 0; i < steps.length; i++) observer.observe(steps[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchSteps);
  else watchSteps();
})();
