// A Bilibili or Tencent Video block (templates/blocks/remote_video.html): until the visitor
// presses "Play here", nothing is requested from the service; the poster links to the video.
(function () {
  "use strict";
  if (window.bitnewsRemoteVideo) {
    return; // one script for every block of the page
  }
  window.bitnewsRemoteVideo = true;
  document.querySelectorAll("[data-remote-video]").forEach(function (box) {
    var button = box.querySelector(".remote-video__play");
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = box.dataset.player;
      frame.title = box.dataset.title;
      frame.allow = "autoplay; fullscreen";
      frame.className = "remote-video__frame";
      box.querySelector(".remote-video__link").replaceWith(frame);
      button.remove();
    });
  });
})();
