/* "Copy for WeChat" (templates/newsroom/wechat_copy.html): one click puts the copy on the
   clipboard as HTML (and as plain text), so that pasting it into the WeChat official account
   editor keeps its styles, images and links. Without the asynchronous clipboard API (or when
   the browser refuses it) the copy shown in the frame is selected and copied instead; the
   text area holds its source as a third way. The status is announced (aria-live). */
(function () {
  "use strict";

  const button = document.querySelector("[data-wechat-copy]");
  if (!button) {
    return;
  }
  const source = document.getElementById(button.dataset.source);
  const frame = document.getElementById(button.dataset.preview);
  const status = document.getElementById(button.dataset.status);

  function say(message) {
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function shownDocument() {
    return frame.contentDocument && frame.contentDocument.body ? frame.contentDocument : null;
  }

  // The frame as tall as the copy, so that the page scrolls and not the frame.
  function fit() {
    const shown = shownDocument();
    if (shown) {
      frame.style.height = shown.documentElement.scrollHeight + 2 + "px";
    }
  }

  function copyBySelection() {
    const shown = shownDocument();
    if (!shown) {
      return false;
    }
    const selection = shown.getSelection();
    const range = shown.createRange();
    range.selectNodeContents(shown.body);
    selection.removeAllRanges();
    selection.addRange(range);
    let done = false;
    try {
      done = shown.execCommand("copy");
    } catch (error) {
      done = false;
    }
    selection.removeAllRanges();
    return done;
  }

  async function copyAsHtml() {
    const html = source.value;
    const shown = shownDocument();
    const text = shown ? shown.body.innerText : html;
    await navigator.clipboard.write([
      new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" }),
      }),
    ]);
  }

  button.addEventListener("click", async function () {
    let done = false;
    if (navigator.clipboard && window.ClipboardItem) {
      try {
        await copyAsHtml();
        done = true;
      } catch (error) {
        done = false;
      }
    }
    if (!done) {
      done = copyBySelection();
    }
    say(done ? button.dataset.copied : button.dataset.failed);
  });

  frame.addEventListener("load", fit);
  fit();
})();
