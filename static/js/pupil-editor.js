/* The pupils' text editor: bold, italics and lists on a contenteditable area.
 *
 * Without JavaScript the plain textarea stays and the server turns its paragraphs into
 * rich text. With it, the textarea is hidden and kept in step with the editable area on
 * every keystroke, so whatever happens to the page, the form posts what was typed.
 */
(function () {
  "use strict";

  function counterText(counter, length) {
    var max = parseInt(counter.dataset.max, 10);
    // The words come from the page, translated by Django.
    counter.textContent = (counter.dataset.template || "__N__ / __MAX__")
      .replace("__N__", length)
      .replace("__MAX__", max);
    counter.classList.toggle("help--warning", length > max);
  }

  function setUp(source) {
    var field = source.closest(".field");
    var toolbar = field.querySelector("[data-editor-toolbar]");
    var counter = field.querySelector("[data-counter]");
    var editable = document.createElement("div");
    editable.className = "editor-area";
    editable.contentEditable = "true";
    editable.id = source.id + "-editable";
    editable.setAttribute("role", "textbox");
    editable.setAttribute("aria-multiline", "true");
    editable.setAttribute("aria-labelledby", source.id + "-label");
    var label = field.querySelector("label[for='" + source.id + "']");
    if (label) { label.id = source.id + "-label"; label.htmlFor = editable.id; }
    function fromSource() {
      var value = source.value.trim();
      // What the server stored is rich text; what a browser without JavaScript kept is plain.
      var isHtml = /<\/?(p|b|i|ul|ol|li|br)\b/i.test(value);
      editable.innerHTML = !value ? "" : isHtml ? value : value.split(/\n{2,}/).map(function (p) {
        var div = document.createElement("p");
        div.textContent = p;
        return div.outerHTML;
      }).join("");
    }
    fromSource();
    source.hidden = true;
    source.setAttribute("aria-hidden", "true");
    source.tabIndex = -1;
    source.after(editable);
    toolbar.hidden = false;
    document.execCommand("defaultParagraphSeparator", false, "p");

    function sync() {
      source.value = editable.innerHTML;
      if (counter) counterText(counter, source.value.length);
    }
    editable.addEventListener("input", sync);
    // A text put back into the hidden textarea (drafts.js: a draft kept in the browser).
    source.addEventListener("input", function () {
      fromSource();
      sync();
    });
    source.form.addEventListener("submit", sync);
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("[data-command]");
      if (!button) return;
      editable.focus();
      document.execCommand(button.dataset.command, false, null);
      sync();
    });
    document.addEventListener("selectionchange", function () {
      toolbar.querySelectorAll("[aria-pressed]").forEach(function (button) {
        button.setAttribute("aria-pressed", String(document.queryCommandState(button.dataset.command)));
      });
    });
    sync();
  }

  document.querySelectorAll("[data-editor-source]").forEach(setUp);
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
})();
