/*
 * Libya–Russia Atlas: sizes each embedded atlas (<iframe data-atlas>) to its content, and turns an
 * atlas followed by marked paragraphs (data-atlas-step) into a scrolling story.
 * Listens for the atlas's {type: 'atlas:height', version: 1, height} messages and trusts only a
 * message that comes from that iframe's window and from the origin of its src. When it starts, it
 * asks every atlas for its height ({type: 'atlas:measure', version: 1}): an atlas that started
 * before embed.js (a late or lazily inserted script) says it again.
 * Nothing the page's markup does can switch it off: the "loaded once" mark is a Symbol on window
 * (an element's id or name can shadow a named property, never a Symbol), and every DOM method and
 * property it uses on window, document or the article's containers is taken from its prototype (an
 * <img name="addEventListener"> or <img name="readyState"> shadows them on window and document, an
 * <input name="insertBefore"> on a <form> that wraps a whole page).
 * Styles are set through the CSSOM (element.style), which a Content-Security-Policy without
 * 'unsafe-inline' for styles does not block; it adds no <style> element.
 */
(function () {
  var MARK = Symbol.for('libya-russia-atlas/embed.js');
  if (window[MARK]) return;
  Object.defineProperty(window, MARK, { value: true });

  /** A property's getter, from the prototype that defines it. */
  function getter(proto, name) {
    var d;
    while (proto && !(d = Object.getOwnPropertyDescriptor(proto, name))) proto = Object.getPrototypeOf(proto);
    return d.get;
  }
  var query = Document.prototype.querySelectorAll;
  var queryIn = Element.prototype.querySelectorAll;
  var matches = Element.prototype.matches;
  var create = Document.prototype.createElement;
  var listen = EventTarget.prototype.addEventListener;
  var readyState = getter(Document.prototype, 'readyState');
  var getAttr = Element.prototype.getAttribute;
  var hasAttr = Element.prototype.hasAttribute;
  var setAttr = Element.prototype.setAttribute;
  var removeAttr = Element.prototype.removeAttribute;
  var parentOf = getter(Node.prototype, 'parentNode');
  var nextOf = getter(Node.prototype, 'nextSibling');
  var nodeTypeOf = getter(Node.prototype, 'nodeType');
  var nameOf = getter(Node.prototype, 'nodeName');
  var contains = Node.prototype.contains;
  var where = Node.prototype.compareDocumentPosition;
  var insert = Node.prototype.insertBefore;
  var append = Node.prototype.appendChild;
  // Chromium's state-preserving move: the frame is not reloaded when it moves into the story.
  var moveBefore = Element.prototype.moveBefore;
  var rectOf = Element.prototype.getBoundingClientRect;
  var styleOf = getter(HTMLElement.prototype, 'style');
  var setProp = CSSStyleDeclaration.prototype.setProperty;
  var Url = URL;
  var FOLLOWING = 4;

  /** The http(s) origin of a frame's src, or null (about:blank, data:, a malformed address: nothing to talk to). */
  function originOf(src) {
    try {
      var u = new Url(src, location.href);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
    } catch (e) {
      return null;
    }
  }
  // For a CMS that strips data- attributes: class="atlas-embed" on the iframe, class="atlas-step …" on a paragraph.
  var FRAMES = 'iframe[data-atlas], iframe.atlas-embed';
  var STEPS = '[data-atlas-step], .atlas-step';
  function frames() {
    return query.call(document, FRAMES);
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

  /** Frames laid out as a story's graphic: their height is the story's, not their content's. */
  var graphics = new WeakSet();

  listen.call(window, 'message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'atlas:height' || data.version !== 1) return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.contentWindow !== event.source || originOf(frame.src) !== event.origin || graphics.has(frame)) continue;
      // The atlas keeps itself under 900 px; the cap only guards the page against a broken frame.
      frame.style.height = Math.min(Math.max(Math.ceil(height), 200), 3000) + 'px';
    }
  });

  // The handshake: every atlas already on the page says its height again (one still loading sends
  // its own once it starts; the message then goes nowhere, since its window is not the atlas yet).
  var asked = frames();
  for (var a = 0; a < asked.length; a++) post(asked[a], { type: 'atlas:measure', version: 1 });

  /*
   * Scrolling stories without code. Paragraphs marked
   *   <p data-atlas-step data-date="2019-04" data-place="tripoli" data-layers="control,presence">…</p>
   * (or, where a CMS strips data- attributes, <p class="atlas-step atlas-date-2019-04 atlas-place-tripoli">)
   * belong to the atlas before them (or to the one whose id data-atlas-for names). Each paragraph
   * moves its atlas to its view as it crosses the middle of the screen; the atlas checks every value
   * and keeps a message sent before it is ready; it never scrolls the page or takes the focus.
   * When the paragraphs follow their atlas in the article, the atlas and the paragraphs become a
   * scrolling story: the graphic stays in view while the paragraphs pass (over the map as cards on
   * narrow columns, beside it from 900 px), and the article continues after the last one.
   */
  var IO = window.IntersectionObserver;
  var RO = window.ResizeObserver;
  var LAYERS = ['control', 'presence', 'diplomacy'];
  /** The column from which the text goes beside the map rather than over it (a laptop's, about 1,024 px wide less margins). */
  var SIDE_BY_SIDE = 900;

  /** The class token `atlas-<name>-<value>`'s value, or null. */
  function classValue(el, name) {
    var list = (getAttr.call(el, 'class') || '').split(/\s+/);
    var prefix = 'atlas-' + name + '-';
    for (var i = 0; i < list.length; i++) if (list[i].indexOf(prefix) === 0 && list[i].length > prefix.length) return list[i].slice(prefix.length);
    return null;
  }
  /** A step's date, place, layers or frame id: from its data- attribute, else from its class. */
  function stepValue(step, name) {
    var attr = name === 'for' ? 'data-atlas-for' : 'data-' + name;
    if (hasAttr.call(step, attr)) return getAttr.call(step, attr);
    var v = classValue(step, name);
    if (v === null) return null;
    if (name === 'layers') return v === 'none' ? '' : v.split('-').join(',');
    return name === 'place' && v === 'none' ? '' : v;
  }
  /** The known layers of a list; null when it names none (a typo keeps the layers as they were). */
  function layerList(value) {
    if (value === null) return null;
    if (value.replace(/\s/g, '') === '') return [];
    var named = value.split(',');
    var out = [];
    for (var i = 0; i < LAYERS.length; i++) for (var j = 0; j < named.length; j++) if (named[j].replace(/\s/g, '') === LAYERS[i]) out.push(LAYERS[i]);
    return out.length ? out : null;
  }
  /** The view the frame opens with (its src): a step leaves out what it does not change, and scrolling back above the first step comes back to it. */
  function openingView(frame) {
    var q;
    try {
      q = new Url(frame.src, location.href).searchParams;
    } catch (e) {
      q = new URLSearchParams();
    }
    return { date: q.get('date') || q.get('year'), place: q.get('place') || null, layers: layerList(q.get('layers')) || LAYERS };
  }
  /** The whole view of a step: what it says, the rest from the frame's opening view, so going back restores it. */
  function viewOf(step, opening) {
    var place = stepValue(step, 'place');
    return { date: stepValue(step, 'date') || opening.date, place: place === null ? opening.place : place || null, layers: layerList(stepValue(step, 'layers')) || opening.layers };
  }
  /** One message, so the atlas changes (and announces) the date, the place and the layers together. */
  function send(frame, view) {
    var m = { type: 'atlas:set', version: 1, place: view.place, layers: view.layers };
    if (view.date) m.date = view.date;
    post(frame, m);
  }

  /** The atlas a step belongs to: the one data-atlas-for names, else the nearest before it (else the first on the page). */
  function frameFor(step, list) {
    var id = stepValue(step, 'for');
    var i;
    if (id) {
      for (i = 0; i < list.length; i++) if (list[i].id === id) return list[i];
      return null;
    }
    var first = null;
    var before = null;
    for (i = 0; i < list.length; i++) {
      if (!originOf(list[i].src)) continue;
      first = first || list[i];
      if (where.call(list[i], step) & FOLLOWING) before = list[i];
    }
    return before || first || list[0] || null;
  }

  function css(el, props) {
    var s = styleOf.call(el);
    for (var k in props) setProp.call(s, k, props[k]);
  }
  function isElement(n) {
    return nodeTypeOf.call(n) === 1;
  }
  /** An HTML element shown in the page (not a script, a style or the no-JavaScript picture). */
  function shown(n) {
    return n instanceof HTMLElement && !/^(SCRIPT|NOSCRIPT|STYLE|TEMPLATE|LINK|META)$/.test(nameOf.call(n));
  }
  /** `node`'s ancestor (or itself) that is a child of `parent`. */
  function childOf(parent, node) {
    while (node && parentOf.call(node) !== parent) node = parentOf.call(node);
    return node;
  }
  function move(parent, node) {
    if (moveBefore) {
      try {
        return moveBefore.call(parent, node, null);
      } catch (e) {
        /* not movable in place (another document, a disconnected node): an ordinary move */
      }
    }
    append.call(parent, node);
  }
  /** The frame's src with layout=story (the atlas's graphic for a story), kept as written otherwise. */
  function storySrc(src) {
    var hash = src.indexOf('#');
    var head = hash < 0 ? src : src.slice(0, hash);
    if (/[?&]layout=story(&|$)/.test(head)) return src;
    return head + (head.indexOf('?') < 0 ? '?' : '&') + 'layout=story' + (hash < 0 ? '' : src.slice(hash));
  }

  /**
   * Lays out the story: a container where the frame was, holding the graphic (sticky) and the text
   * (the article's nodes from after the frame to the last step, moved, in their order). Returns null
   * and changes nothing when the markup does not allow it: a step before its frame, another atlas
   * among the paragraphs, a table or a list holding them, or data-atlas-layout="none" on the frame.
   */
  function layOut(frame, steps) {
    if (!originOf(frame.src) || getAttr.call(frame, 'data-atlas-layout') === 'none' || classValue(frame, 'layout') === 'none') return null;
    var i;
    for (i = 0; i < steps.length; i++) if (!(where.call(frame, steps[i]) & FOLLOWING)) return null;
    var last = steps[steps.length - 1];
    var host = parentOf.call(frame);
    while (host && isElement(host) && !contains.call(host, last)) host = parentOf.call(host);
    if (!host || !isElement(host) || /^(HTML|TABLE|TBODY|THEAD|TFOOT|TR|UL|OL|DL|SELECT|PICTURE)$/.test(nameOf.call(host))) return null;
    var block = childOf(host, frame);
    var end = childOf(host, last);
    if (block !== frame && queryIn.call(block, FRAMES).length > 1) return null;
    var text = [];
    for (var n = nextOf.call(block); n; n = nextOf.call(n)) {
      if (isElement(n) && (matches.call(n, FRAMES) || queryIn.call(n, FRAMES).length > 0)) return null;
      text.push(n);
      if (n === end) break;
    }

    var box = create.call(document, 'div');
    var graphic = create.call(document, 'div');
    var column = create.call(document, 'div');
    setAttr.call(box, 'data-atlas-story', '');
    setAttr.call(graphic, 'data-atlas-graphic', '');
    setAttr.call(column, 'data-atlas-text', '');
    append.call(box, graphic);
    append.call(box, column);
    graphics.add(frame);
    insert.call(host, box, block);
    move(graphic, block);
    // After the move (Chromium then keeps a navigation it would drop if it were under way): the
    // frame loads as the story's graphic (the article code of Build a story has layout=story already).
    var src = storySrc(frame.src);
    if (src !== frame.src) {
      // A lazy frame that has begun loading would drop the new address (Chromium 150): it is set while
      // the frame is eager, and the frame lazy again after.
      var lazy = getAttr.call(frame, 'loading');
      if (lazy !== null) removeAttr.call(frame, 'loading');
      frame.src = src;
      if (lazy !== null) setAttr.call(frame, 'loading', lazy);
    }
    // Each step after the first starts after a gap the width of the screen's reading band (a spacer, not a margin: the gaps are part of what is observed).
    var gaps = [];
    for (i = 0; i < text.length; i++) {
      for (var s = 1; s < steps.length; s++) {
        if (text[i] === steps[s] || (isElement(text[i]) && contains.call(text[i], steps[s]))) {
          var gap = create.call(document, 'div');
          setAttr.call(gap, 'data-atlas-gap', '');
          setAttr.call(gap, 'aria-hidden', 'true');
          append.call(column, gap);
          gaps.push(gap);
          break;
        }
      }
      move(column, text[i]);
    }
    return { box: box, graphic: graphic, column: column, gaps: gaps, text: text };
  }

  /** Sizes the story for its column: the graphic beside the text from SIDE_BY_SIDE px, the text over it as cards below. */
  function fit(story) {
    var p = story.parts;
    var width = rectOf.call(p.box).width;
    var side = width >= SIDE_BY_SIDE;
    var reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    // On a phone at most 70 % of the screen's height (the reading band stays below it), never so tall that the map would not fit the width.
    var height = side ? 'min(calc(100vh - 32px), 900px)' : 'min(70vh, ' + Math.round(width + 180) + 'px)';
    var gap = side ? '45vh' : '80vh';
    css(p.box, { position: 'relative', display: side ? 'grid' : 'block', 'grid-template-columns': side ? 'minmax(0, 1fr) min(420px, 36%)' : '', 'column-gap': side ? '32px' : '', 'align-items': side ? 'start' : '' });
    css(p.graphic, { position: 'sticky', 'z-index': '0', top: side ? 'max(8px, calc((100vh - ' + height + ') / 2))' : '0px', 'grid-column': side ? '1' : '', 'grid-row': side ? '1' : '' });
    css(story.frame, { display: 'block', width: '100%', height: height });
    // svh where the browser has it: a phone's address bar does not push the map off the screen.
    if (!side) css(story.frame, { height: 'min(70svh, ' + Math.round(width + 180) + 'px)' });
    // Over the map only the text takes the reader's touch and clicks: between the cards, the map does.
    css(p.column, { position: 'relative', 'z-index': '1', 'pointer-events': 'none', 'grid-column': side ? '2' : '', 'grid-row': side ? '1' : '', 'padding-top': side ? '50vh' : '', 'padding-bottom': gap });
    for (var i = 0; i < p.gaps.length; i++) css(p.gaps[i], { height: gap });
    for (i = 0; i < p.text.length; i++) {
      var n = p.text[i];
      if (!shown(n)) continue;
      // Over the map, each block of text is a card in the page's own colours (Canvas and CanvasText follow its color-scheme).
      css(n, {
        position: 'relative',
        'pointer-events': 'auto',
        'background-color': side ? '' : 'Canvas',
        color: side ? '' : 'CanvasText',
        padding: side ? '' : '0.75rem 1rem',
        'border-radius': side ? '' : '6px',
        'box-shadow': side ? '' : '0 1px 8px rgb(0 0 0 / 0.3)',
        'max-width': side ? '' : '36rem',
        'margin-inline': side ? '' : 'auto',
        transition: reduce ? '' : 'opacity 0.25s',
      });
    }
    story.side = side;
    mark(story);
  }

  /** Beside the map, the paragraph being read is in full colour and the others are faded; over it, one card is read at a time. */
  function mark(story) {
    for (var i = 0; i < story.steps.length; i++) {
      if (story.parts && shown(story.steps[i])) css(story.steps[i], { opacity: story.side && i !== story.current ? '0.55' : '' });
    }
  }

  /** The step being read: the last whose top has passed the middle of the screen (-1: above the first). */
  function reading(story) {
    var middle = innerHeight / 2;
    var at = -1;
    for (var i = 0; i < story.steps.length; i++) if (rectOf.call(story.steps[i]).top <= middle) at = i;
    return at;
  }
  function update(story) {
    var at = reading(story);
    if (at === story.current) return;
    var before = story.steps[story.current];
    if (before) removeAttr.call(before, 'data-atlas-active');
    story.current = at;
    if (at >= 0) setAttr.call(story.steps[at], 'data-atlas-active', '');
    mark(story);
    // Above the first step: the frame's own view again.
    send(story.frame, at >= 0 ? viewOf(story.steps[at], story.opening) : story.opening);
  }

  function start(frame, steps) {
    var story = { frame: frame, steps: steps, opening: openingView(frame), current: -1, parts: null, side: false };
    story.parts = layOut(frame, steps);
    if (story.parts) fit(story);
    // A frame still loading (or lazily loaded, or moved into the story) would miss it: say it again once the atlas is there.
    listen.call(frame, 'load', function () {
      if (story.current >= 0) send(frame, viewOf(story.steps[story.current], story.opening));
    });
    if (story.parts && RO) {
      var width = 0;
      new RO(function () {
        var w = Math.round(rectOf.call(story.parts.box).width);
        if (w !== width) fit(story);
        width = w;
      }).observe(story.parts.box);
    }
    // A line across the middle of the screen: whatever crosses it (a paragraph, a gap between steps)
    // has the step being read worked out again, so a fast scroll lands on the right step.
    var observer = new IO(
      function () {
        update(story);
      },
      { rootMargin: '-50% 0px -50% 0px' },
    );
    var targets = story.parts ? story.parts.text.concat(story.parts.gaps) : steps;
    for (var i = 0; i < targets.length; i++) if (shown(targets[i])) observer.observe(targets[i]);
  }

  function watchSteps() {
    var steps = query.call(document, STEPS);
    if (!steps.length || !IO) return;
    var list = frames();
    var stories = [];
    var byFrame = new Map();
    for (var i = 0; i < steps.length; i++) {
      var frame = frameFor(steps[i], list);
      if (!frame) continue;
      if (!byFrame.has(frame)) {
        byFrame.set(frame, []);
        stories.push(frame);
      }
      byFrame.get(frame).push(steps[i]);
    }
    for (i = 0; i < stories.length; i++) start(stories[i], byFrame.get(stories[i]));
  }
  if (readyState.call(document) === 'loading') listen.call(document, 'DOMContentLoaded', watchSteps);
  else watchSteps();
})();
