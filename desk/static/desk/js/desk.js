/* The translator's desk in Wagtail's page editor (desk/editor/views.py answers its JSON).
   Above the editor's fields: each source segment with its glossary terms marked and the
   approved translation beside them, exact memory matches at once, closer matches on demand,
   each inserted with a click; the glossary's problems; what changed since the last
   translation; who has claimed the translation. Loaded by the insert_editor_js hook. */
(function () {
  "use strict";

  const script = document.currentScript;
  const found = window.location.pathname.match(/\/pages\/(\d+)\/edit\/$/);
  if (!script || !found) {
    return;
  }
  const deskUrl = script.dataset.deskUrl.replace("/0/", "/" + found[1] + "/");
  let data = null;
  let lastRichText = null;

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(function ([key, value]) {
      if (key === "text") {
        node.textContent = value;
      } else if (key === "className") {
        node.className = value;
      } else {
        node.setAttribute(key, value);
      }
    });
    (children || []).forEach(function (child) {
      if (child) {
        node.append(child);
      }
    });
    return node;
  }

  function announce(box, message) {
    box.querySelector(".desk__status").textContent = message;
  }

  /* The segment's text with each glossary term in a <mark>, its approved form after it. */
  function marked(segment) {
    const out = el("p", { className: "desk__source", lang: data.source.code });
    let at = 0;
    segment.terms.forEach(function (term) {
      out.append(segment.text.slice(at, term.start));
      out.append(el("mark", { className: "desk__term", text: segment.text.slice(term.start, term.end) }));
      out.append(
        el("span", {
          className: "desk__approved",
          lang: data.target.code,
          title: term.note || "",
          text: " [" + data.strings.term + " " + term.expected + "]",
        }),
      );
      at = term.end;
    });
    out.append(segment.text.slice(at));
    return out;
  }

  function targetRichText() {
    if (lastRichText && document.body.contains(lastRichText)) {
      return lastRichText;
    }
    return null;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {});
    }
    const area = el("textarea", { className: "desk__clipboard", "aria-hidden": "true" });
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
    return Promise.resolve();
  }

  /* Into the target field: a plain input takes the text; in the body, the translation goes
     where the cursor last was in one of the target language's text blocks (as a paste,
     which the rich text editor handles), else to the clipboard. */
  function insert(box, segment, text) {
    if (segment.input) {
      const input = document.getElementById(segment.input);
      if (input) {
        input.value = text;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.dispatchEvent(new Event("change", { bubbles: true }));
        input.focus();
        announce(box, data.strings.inserted);
        return;
      }
    }
    const editor = targetRichText();
    if (editor) {
      const transfer = new DataTransfer();
      transfer.setData("text/plain", text);
      editor.focus();
      editor.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
      announce(box, data.strings.inserted);
      return;
    }
    copy(text).then(function () {
      announce(box, data.strings.copied);
    });
  }

  function suggestion(box, segment, item) {
    const meta = item.title ? data.strings.from + " " + item.title + (item.date ? ", " + item.date : "") : "";
    const button = el("button", { type: "button", className: "button button-small button-secondary", text: data.strings.insert });
    button.addEventListener("click", function () {
      insert(box, segment, item.target);
    });
    return el("li", { className: "desk__suggestion" }, [
      el("span", { className: "desk__score", text: item.score + " %" }),
      " ",
      el("span", { lang: data.target.code, text: item.target }),
      meta ? el("small", { className: "desk__from", text: " (" + meta + ")" }) : null,
      " ",
      button,
    ]);
  }

  function loadSuggestions(box, segment, list) {
    const query = new URLSearchParams({ source: data.source.code, target: data.target.code, text: segment.text });
    list.replaceChildren(el("li", { text: data.strings.loading }));
    fetch(data.urls.suggest + "?" + query, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        const items = (answer.suggestions || []).map(function (item) {
          return suggestion(box, segment, item);
        });
        list.replaceChildren.apply(list, items.length ? items : [el("li", { text: data.strings.none })]);
      })
      .catch(function () {
        list.replaceChildren(el("li", { text: data.strings.failed }));
      });
  }

  function segmentItem(box, segment) {
    const label = data.strings["field_" + segment.field] || segment.field;
    const list = el("ul", { className: "desk__suggestions" });
    const details = el("details", { className: "desk__segment" }, [
      el("summary", {}, [el("span", { className: "desk__field", text: label }), " ", marked(segment)]),
      list,
    ]);
    if (segment.exact) {
      list.append(suggestion(box, segment, { score: 100, target: segment.exact, title: data.strings.exact }));
    }
    details.addEventListener("toggle", function () {
      if (details.open && !details.dataset.loaded) {
        details.dataset.loaded = "1";
        loadSuggestions(box, segment, list);
      }
    });
    return el("li", {}, [details]);
  }

  function problemsList() {
    if (!data.problems.length) {
      return el("p", { className: "desk__ok", text: data.strings.no_problems });
    }
    return el(
      "ul",
      { className: "desk__problems" },
      data.problems.map(function (problem) {
        const text = problem.found
          ? "“" + problem.found + "”: " + data.strings.forbidden + "; " + data.strings.expected + " “" + problem.expected + "”"
          : "“" + problem.term + "” → “" + problem.expected + "”";
        return el("li", { text: text + " (" + (data.strings["field_" + problem.field] || problem.field) + ")" });
      }),
    );
  }

  function claimLine() {
    const line = el("p", { className: "desk__claim" });
    if (data.claim) {
      line.append(data.strings.claimed_by + " " + (data.claim.mine ? data.strings.you : data.claim.name) + ". ");
    }
    line.append(el("a", { href: data.urls.queue, text: data.strings.queue }));
    return line;
  }

  function directionSwitch(box) {
    const select = el("select", { id: "desk-target" });
    data.languages.forEach(function (language) {
      if (language.code === data.target.code) {
        select.append(el("option", { value: language.code, selected: "selected", text: data.source.name + " → " + language.name }));
      } else {
        const source = data.languages.find(function (other) {
          return other.code !== language.code;
        });
        select.append(el("option", { value: language.code, text: source.name + " → " + language.name }));
      }
    });
    select.addEventListener("change", function () {
      load(box, select.value);
    });
    return el("p", {}, [el("label", { for: "desk-target", text: data.strings.direction + " " }), select]);
  }

  function render(box) {
    const parts = [
      directionSwitch(box),
      claimLine(),
      el("p", { className: "desk__status", role: "status" }),
    ];
    if (data.changes) {
      const changes = el("section", { className: "desk__changes" }, [el("h3", { text: data.strings.changes })]);
      const holder = el("div");
      holder.innerHTML = data.changes; /* rendered and escaped by the server's template */
      changes.append(holder);
      parts.push(changes);
    }
    parts.push(el("h3", { text: data.strings.problems }), problemsList());
    parts.push(
      el("h3", { text: data.strings.segments }),
      el(
        "ol",
        { className: "desk__segments" },
        data.segments.map(function (segment) {
          return segmentItem(box, segment);
        }),
      ),
    );
    box.replaceChildren.apply(box, parts);
  }

  function load(box, target) {
    const url = deskUrl + (target ? "?target=" + encodeURIComponent(target) : "");
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (answer) {
        data = answer;
        render(box);
      })
      .catch(function () {
        box.hidden = true;
      });
  }

  document.addEventListener("focusin", function (event) {
    if (!data) {
      return;
    }
    const editor = event.target.closest && event.target.closest("[contenteditable=true]");
    if (!editor) {
      return;
    }
    /* A rich text block of the target language's body: its value's input is beside it. */
    const field = editor.closest(".w-field__input");
    const input = field && field.querySelector("input[name]");
    if (!input || !input.name.startsWith(data.body_input)) {
      return;
    }
    lastRichText = editor;
  });

  document.addEventListener("DOMContentLoaded", function () {
    const form = document.querySelector("form[data-edit-form]") || document.querySelector("#page-edit-form");
    if (!form) {
      return;
    }
    const box = el("section", { className: "desk", "aria-labelledby": "desk-heading" });
    const outer = el("details", { className: "desk-panel" }, [
      el("summary", { id: "desk-heading", className: "desk-panel__summary", text: script.dataset.heading }),
      box,
    ]);
    /* At the top of the first tab. Its controls have no name: they are no edit of the page
       (nothing of theirs is in the form's data), and its buttons submit nothing. */
    const panel = form.querySelector(".w-tabs__panel");
    (panel || form).prepend(outer);
    outer.addEventListener("toggle", function () {
      if (outer.open && !data) {
        box.textContent = script.dataset.loading;
        load(box, "");
      }
    });
  });
})();
