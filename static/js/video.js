// The body's videos (templates/blocks/video.html, remote_video.html).
(function () {
  "use strict";
  if (window.bitnewsVideos) {
    return; // one script for every block of the page
  }
  window.bitnewsVideos = true;

  // An uploaded video: its box takes the video's shape (its width and height, read from the
  // file on the server), not its poster's, which a browser uses until the video loads.
  document.querySelectorAll("video[data-video-frame]").forEach(function (video) {
    video.style.aspectRatio = video.width + " / " + video.height;
  });

  // A Bilibili or Tencent Video block: until the visitor presses "Play here", nothing is
  // requested from the service; the poster links to the video.
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
