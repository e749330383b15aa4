/* The writing workshop: the text's counter, and the teacher's marking tool.
 *
 * Marking works with a finger as with a mouse: tap the first word, then the last word
 * (or select words the usual way), then tap a kind of mark. The chosen words' offsets go
 * in the form's hidden fields; the server widens them to whole words and refuses a
 * passage already marked. The words the page shows come from Django (translated).
 */
(function () {
  "use strict";

  document.querySelectorAll("[data-text-counter]").forEach(function (counter) {
    var area = counter.closest(".field").querySelector("textarea");
    var max = parseInt(counter.dataset.max, 10);
    function update() {
      counter.textContent = (counter.dataset.template || "__N__ / __MAX__")
        .replace("__N__", area.value.length).replace("__MAX__", max);
      counter.classList.toggle("help--warning", area.value.length > max);
    }
    area.addEventListener("input", update);
    update();
  });

  var text = document.querySelector("[data-marking-text]");
  var form = document.querySelector("[data-marking-form]");
  if (!text || !form) return;
  var startField = form.querySelector("[name=start]");
  var endField = form.querySelector("[name=end]");
  var shown = form.querySelector("[data-marking-selection]");
  var nothing = shown.textContent;
  var words = Array.prototype.slice.call(text.querySelectorAll(".word"));
  var anchor = null;

  function choose(first, last) {
    var start = Math.min(+first.dataset.start, +last.dataset.start);
    var end = Math.max(+first.dataset.end, +last.dataset.end);
    startField.value = start;
    endField.value = end;
    var chosen = [];
    words.forEach(function (word) {
      var inside = +word.dataset.start >= start && +word.dataset.end <= end;
      word.classList.toggle("word--selected", inside);
      if (inside) chosen.push(word.textContent);
    });
    shown.textContent = "« " + chosen.join(" ") + " »";
    form.querySelectorAll("[data-marking-kind]").forEach(function (button) { button.disabled = false; });
  }

  function clear() {
    anchor = null;
    startField.value = endField.value = "";
    words.forEach(function (word) { word.classList.remove("word--selected"); });
    shown.textContent = nothing;
    form.querySelectorAll("[data-marking-kind]").forEach(function (button) { button.disabled = true; });
  }

  text.addEventListener("click", function (event) {
    var word = event.target.closest(".word");
    var selection = window.getSelection();
    if (!word || (selection && !selection.isCollapsed)) return;
    if (anchor === null) {
      anchor = word;
      choose(word, word);
    } else {
      choose(anchor, word);
      anchor = null;
    }
  });

  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (!selection || !selection.rangeCount || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    if (!text.contains(range.commonAncestorContainer)) return;
    var inside = words.filter(function (word) { return range.intersectsNode(word); });
    if (inside.length) {
      anchor = null;
      choose(inside[0], inside[inside.length - 1]);
    }
  });

  form.querySelector("[data-marking-clear]").addEventListener("click", clear);
  clear();
})();
