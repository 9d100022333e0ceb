/* journeyops studio: small enhancements only; every form works without this file.
   - the refusal message is focused so a screen reader reads it;
   - the findings of the record on screen are refreshed every few seconds (the server
     renders them; the HTML comes from our own origin and is escaped there). */
(function () {
  "use strict";
  var error = document.getElementById("form-error");
  if (error) error.focus();
  var live = document.querySelector("[data-live-kind]");
  var target = live && live.querySelector(".live-findings");
  if (!live || !target || !window.fetch) return;
  var lang = document.documentElement.lang || "";
  var url = "/live?kind=" + encodeURIComponent(live.getAttribute("data-live-kind")) +
    "&id=" + encodeURIComponent(live.getAttribute("data-live-id")) + "&lang=" + encodeURIComponent(lang);
  function refresh() {
    fetch(url, { credentials: "same-origin" }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (!data || typeof data.html !== "string") return;
      var parsed = new DOMParser().parseFromString(data.html, "text/html");
      target.replaceChildren.apply(target, Array.prototype.slice.call(parsed.body.childNodes));
    }).catch(function () {});
  }
  window.setInterval(refresh, 5000);
})();
