// Copy-link button of templates/includes/share.html. Without JavaScript the button stays
// hidden and the link is shown in a read-only field to copy by hand.
(function () {
  "use strict";

  function setUp(box) {
    var field = box.querySelector("input");
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    if (!field || !button || !status || !navigator.clipboard) return;

    function say(message) {
      status.textContent = message;
    }

    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(
        function () { say(box.dataset.copied); },
        function () {
          field.focus();
          field.select();
          say(box.dataset.failed);
        }
      );
    });
  }

  document.querySelectorAll("[data-share-copy]").forEach(setUp);
})();
