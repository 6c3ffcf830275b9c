// Counts one view of the article this page shows: a beacon to the URL in
// data-view-count-url. No cookie is needed, and the page's HTML stays cacheable.
(function () {
  "use strict";
  var element = document.querySelector("[data-view-count-url]");
  if (!element || !navigator.sendBeacon) {
    return;
  }
  navigator.sendBeacon(element.getAttribute("data-view-count-url"));
})();
