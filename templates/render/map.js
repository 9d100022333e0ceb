/* A journey map says "scroll sideways" only while its frame has more to show (without
   script the hint stays: progressive enhancement). One script for both: inline in the
   standalone map of `journeyops render` (its CSP allows it by its hash) and appended to
   the site's site.js. */
(function () {
  "use strict";
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".map-frame"), function (frame) {
      var scroller = frame.querySelector(".map-scroll");
      var hint = frame.querySelector(".map-hint");
      if (!scroller || !hint) return;
      function update() { hint.hidden = scroller.scrollWidth <= scroller.clientWidth + 1; }
      update();
      window.addEventListener("resize", update);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
