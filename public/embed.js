/*
 * Libya–Russia Atlas: sizes each embedded atlas (<iframe data-atlas>) to its content, and moves it
 * to the view of each marked paragraph (data-atlas-step) as the reader scrolls.
 * Listens for the atlas's {type: 'atlas:height', version: 1, height} messages and trusts only a
 * message that comes from that iframe's window and from the origin of its src. When it starts, it
 * asks every atlas for its height ({type: 'atlas:measure', version: 1}): an atlas that started
 * before embed.js (a late or lazily inserted script) says it again.
 * Nothing the page's markup does can switch it off: the "loaded once" mark is a Symbol on window
 * (an element's id or name can shadow a named property, never a Symbol), and every DOM method and
 * property it uses is taken from its prototype (an <img name="addEventListener"> or
 * <img name="readyState"> shadows them on window and document).
 */
(function () {
  var MARK = Symbol.for('libya-russia-atlas/embed.js');
  if (window[MARK]) return;
  Object.defineProperty(window, MARK, { value: true });

  var query = Document.prototype.querySelectorAll;
  var listen = EventTarget.prototype.addEventListener;
  var readyState = Object.getOwnPropertyDescriptor(Document.prototype, 'readyState').get;
  var getAttr = Element.prototype.getAttribute;
  var hasAttr = Element.prototype.hasAttribute;
  var setAttr = Element.prototype.setAttribute;
  var removeAttr = Element.prototype.removeAttribute;
  var Url = URL;

  /** The http(s) origin of a frame's src, or null (about:blank, data:, a malformed address: nothing to talk to). */
  function originOf(src) {
    try {
      var u = new Url(src, location.href);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
    } catch (e) {
      return null;
    }
  }
  function frames() {
    return query.call(document, 'iframe[data-atlas]');
  }
  /** Posts to a frame's atlas; a frame that is gone or elsewhere is left alone. */
  function post(frame, message) {
    var origin = originOf(frame.src);
    var target = frame.contentWindow;
    if (!origin || !target) return false;
    try {
      target.postMessage(message, origin);
      return true;
    } catch (e) {
      return false;
    }
  }

  listen.call(window, 'message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'atlas:height' || data.version !== 1) return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.contentWindow !== event.source || originOf(frame.src) !== event.origin) continue;
      // The atlas keeps itself under 900 px; the cap only guards the page against a broken frame.
      frame.style.height = Math.min(Math.max(Math.ceil(height), 200), 3000) + 'px';
    }
  });

  // The handshake: every atlas already on the page says its height again (one still loading sends
  // its own once it starts; the message then goes nowhere, since its window is not the atlas yet).
  var asked = frames();
  for (var a = 0; a < asked.length; a++) post(asked[a], { type: 'atlas:measure', version: 1 });

  /*
   * Scrolling stories without code: paragraphs marked
   *   <p data-atlas-step data-date="2019-04" data-place="tripoli" data-layers="control,presence">…</p>
   * move the atlas (the first <iframe data-atlas> on the page, or the one whose id data-atlas-for
   * names) to their view as they reach the middle of the screen. The atlas checks every value and
   * keeps a message sent before it is ready; it never scrolls the page or takes the focus.
   */
  var IO = window.IntersectionObserver;
  function frameFor(step) {
    var id = getAttr.call(step, 'data-atlas-for');
    var list = frames();
    for (var i = 0; i < list.length; i++) if (!id || list[i].id === id) return list[i];
    return null;
  }
  function messageOf(step) {
    var m = { type: 'atlas:set', version: 1 };
    var date = getAttr.call(step, 'data-date');
    if (date) m.date = date;
    if (hasAttr.call(step, 'data-place')) m.place = getAttr.call(step, 'data-place') || null;
    var layers = getAttr.call(step, 'data-layers');
    if (layers !== null) m.layers = layers;
    return m;
  }
  var active = null;
  var loaded = new WeakSet();
  function show(step) {
    if (step === active) return;
    var frame = frameFor(step);
    if (!frame) return;
    if (active) removeAttr.call(active, 'data-atlas-active');
    active = step;
    setAttr.call(step, 'data-atlas-active', '');
    post(frame, messageOf(step));
    // A frame still loading (or lazily loaded) would miss it: say it again once the atlas is there.
    if (!loaded.has(frame)) {
      loaded.add(frame);
      listen.call(frame, 'load', function () {
        if (active && frameFor(active) === frame) post(frame, messageOf(active));
      });
    }
  }
  function watchSteps() {
    var steps = query.call(document, '[data-atlas-step]');
    if (!steps.length || !IO) return;
    // A band across the middle of the screen: the step in it is the one being read.
    var observer = new IO(function (entries) {
      for (var i = 0; i < entries.length; i++) if (entries[i].isIntersecting) show(entries[i].target);
    }, { rootMargin: '-45% 0px -45% 0px' });
    for (var i = 0; i < steps.length; i++) observer.observe(steps[i]);
  }
  if (readyState.call(document) === 'loading') listen.call(document, 'DOMContentLoaded', watchSteps);
  else watchSteps();
})();
