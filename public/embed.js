/*
 * Libya–Russia Atlas: sizes each embedded atlas (<iframe data-atlas>) to its content.
 * Listens for the atlas's {type: 'atlas:height', version: 1, height} messages and trusts only a
 * message that comes from that iframe's window and from the origin of its src.
 */
(function () {
  if (window.__libyaAtlasEmbed) return;
  window.__libyaAtlasEmbed = true;

  function originOf(src) {
    try {
      return new URL(src, location.href).origin;
    } catch (e) {
      return null;
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'atlas:height' || data.version !== 1) return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    var frames = document.querySelectorAll('iframe[data-atlas]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source || originOf(frame.src) !== event.origin) continue;
      frame.style.height = Math.min(Math.max(Math.ceil(height), 200), 20000) + 'px';
    }
  });
})();
