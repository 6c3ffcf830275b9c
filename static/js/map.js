// Embeds the Baidu map in the footer, but only after the visitor asks for it:
// until the button is pressed, nothing is requested from Baidu.
(function () {
  "use strict";
  var box = document.querySelector("[data-campus-map]");
  if (!box) {
    return;
  }
  var button = box.querySelector(".campus-map__button");
  var note = box.querySelector(".campus-map__note");
  var canvas = box.querySelector(".campus-map__canvas");
  button.hidden = false;
  note.hidden = false;

  window.bitnewsShowCampusMap = function () {
    var BMap = window.BMap;
    var point = new BMap.Point(Number(box.dataset.lng), Number(box.dataset.lat));
    var map = new BMap.Map(canvas);
    map.centerAndZoom(point, 16);
    map.addOverlay(new BMap.Marker(point));
  };

  button.addEventListener("click", function () {
    button.disabled = true;
    canvas.hidden = false;
    var script = document.createElement("script");
    script.src = "https://api.map.baidu.com/api?v=3.0&ak=" +
      encodeURIComponent(box.dataset.ak) + "&callback=bitnewsShowCampusMap";
    script.onerror = function () {
      canvas.textContent = button.getAttribute("data-failed") || "";
      button.disabled = false;
    };
    document.head.appendChild(script);
  });
})();
