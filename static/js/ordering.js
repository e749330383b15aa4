/* Ordering questions: the pupil drags the labels into order (mouse, finger, pen), or moves
 * one with its ↑ ↓ buttons (keyboard, switch access); a status line says where it went.
 * The list's order is the answer, sent when the form is. Without this script the
 * page keeps its fallback: a choice per place. Its words come from the page (translated).
 */
(function () {
  "use strict";
  document.querySelectorAll("[data-ordering]").forEach(function (box) {
    var fallback = box.parentNode.querySelector("[data-ordering-fallback]");
    var list = box.querySelector("ol");
    var status = box.querySelector("[data-ordering-status]");
    var dragged = null;

    // This list answers now: the fallback's fields go away; when the form is sent, one
    // field per place carries the key of the label the pupil put there.
    if (fallback) fallback.remove();
    box.hidden = false;
    var form = box.closest("form");
    if (form) {
      form.addEventListener("submit", function () {
        box.querySelectorAll("input[data-ordering-sent]").forEach(function (input) {
          input.remove();
        });
        items().forEach(function (item) {
          var input = document.createElement("input");
          input.type = "hidden";
          input.name = box.dataset.orderingName;
          input.value = item.dataset.orderingKey;
          input.setAttribute("data-ordering-sent", "");
          box.appendChild(input);
        });
      });
    }

    function items() {
      return Array.prototype.slice.call(list.querySelectorAll("[data-ordering-item]"));
    }
    function announce(item) {
      var place = items().indexOf(item) + 1;
      var text = item.querySelector(".ordering__text").textContent;
      status.textContent = (box.dataset.msgMoved || "")
        .replace("__ITEM__", text)
        .replace("__PLACE__", place);
    }
    function move(item, step) {
      var all = items();
      var index = all.indexOf(item) + step;
      if (index < 0 || index >= all.length) return;
      if (step < 0) list.insertBefore(item, all[index]);
      else list.insertBefore(item, all[index].nextSibling);
      announce(item);
    }

    list.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      var item = button.closest("[data-ordering-item]");
      move(item, button.hasAttribute("data-ordering-up") ? -1 : 1);
      button.focus();
    });

    // Mouse and pen: the browser's drag and drop.
    list.addEventListener("dragstart", function (event) {
      dragged = event.target.closest("[data-ordering-item]");
      if (!dragged) return;
      dragged.classList.add("ordering__item--dragged");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", "");
    });
    list.addEventListener("dragover", function (event) {
      if (!dragged) return;
      event.preventDefault();
      var over = event.target.closest("[data-ordering-item]");
      if (!over || over === dragged) return;
      var rect = over.getBoundingClientRect();
      var after = event.clientY > rect.top + rect.height / 2;
      list.insertBefore(dragged, after ? over.nextSibling : over);
    });
    list.addEventListener("drop", function (event) {
      event.preventDefault();
    });
    list.addEventListener("dragend", function () {
      if (!dragged) return;
      dragged.classList.remove("ordering__item--dragged");
      announce(dragged);
      dragged = null;
    });

    // A finger on a tablet: the item follows it up or down the list.
    var touched = null;
    list.addEventListener("pointerdown", function (event) {
      if (event.pointerType !== "touch" || event.target.closest("button")) return;
      touched = event.target.closest("[data-ordering-item]");
      if (touched) touched.classList.add("ordering__item--dragged");
    });
    list.addEventListener("pointermove", function (event) {
      if (!touched) return;
      event.preventDefault();
      var under = document.elementFromPoint(event.clientX, event.clientY);
      var over = under && under.closest("[data-ordering-item]");
      if (!over || over === touched || over.parentNode !== list) return;
      var rect = over.getBoundingClientRect();
      var after = event.clientY > rect.top + rect.height / 2;
      list.insertBefore(touched, after ? over.nextSibling : over);
    });
    function release() {
      if (!touched) return;
      touched.classList.remove("ordering__item--dragged");
      announce(touched);
      touched = null;
    }
    list.addEventListener("pointerup", release);
    list.addEventListener("pointercancel", release);
  });
})();
