/* Messaging: finding a person in the recipient list, replying to one message, and
 * showing the latest message of an open conversation.
 *
 * Without JavaScript every person is listed and every form still works; the reply
 * button only fills the hidden "reply_to" field and says which message is answered.
 */
(function () {
  "use strict";

  function setUpPicker(picker) {
    var search = picker.querySelector("[data-picker-search]");
    var input = picker.querySelector("[data-picker-input]");
    if (!search || !input) return;
    search.hidden = false;
    input.addEventListener("input", function () {
      var wanted = input.value.trim().toLowerCase();
      picker.querySelectorAll("[data-picker-item]").forEach(function (item) {
        var checked = item.querySelector("input").checked;
        item.hidden = wanted !== "" && !checked && item.dataset.name.indexOf(wanted) === -1;
      });
      if (wanted) picker.querySelectorAll("details").forEach(function (group) { group.open = true; });
    });
  }

  function setUpReplies() {
    var form = document.getElementById("reply-form");
    if (!form) return;
    var field = form.querySelector("input[name=reply_to]");
    var note = form.querySelector("[data-reply-note]");
    var label = form.querySelector("[data-reply-label]");

    /* The note says which message is answered: after a click on "Reply", and when the
     * field comes back with a value (a kept draft put back by drafts.js, which sends an
     * input event, or a form sent back with an error). */
    function showNote() {
      var wanted = /^\d+$/.test(field.value) ? field.value : "";
      var button = wanted && document.querySelector('[data-reply-to="' + wanted + '"]');
      if (!button) {
        field.value = "";
        note.hidden = true;
        return;
      }
      label.textContent = (note.dataset.template || "__NAME__").replace("__NAME__", button.dataset.replyName);
      note.hidden = false;
    }

    /* Changed by a script, the field says so: drafts.js keeps it with the text. */
    function set(value) {
      field.value = value;
      showNote();
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }

    document.addEventListener("click", function (event) {
      var button = event.target.closest("[data-reply-to]");
      if (button) {
        set(button.dataset.replyTo);
        var area = form.querySelector("textarea");
        if (area) area.focus();
        return;
      }
      if (event.target.closest("[data-reply-cancel]")) set("");
    });
    field.addEventListener("input", showNote);
    if (field.value) showNote();
  }

  function showLatest() {
    var chat = document.getElementById("chat");
    if (!chat || window.location.hash) return;
    var last = chat.lastElementChild;
    if (last) last.scrollIntoView({ block: "end" });
  }

  document.querySelectorAll("[data-picker]").forEach(setUpPicker);
  setUpReplies();
  showLatest();
})();
