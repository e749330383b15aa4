/* Local drafts: what a person types in a form is kept in the browser until it is sent.
 *
 * A form marked data-draft-key, with data-draft-user (the id of the person logged in),
 * has its fields kept in localStorage as they are typed, under that person and that key.
 * When the same form is shown again to the same person with something else in it (a
 * session ended while they wrote: the POST went to the login page and nothing was kept;
 * an error page; a closed tab), the kept text is put back and the form's note is shown
 * (data-draft-note, its words translated by Django), with a button to drop it. Another
 * person on the same tablet never gets it: the key holds the person's id.
 *
 * Which drafts were acted on is said by the server, in a cookie read (and removed) here
 * on the next page (submissions/drafts.py); drafts older than a day are dropped. Files
 * cannot be kept; hidden fields are not either, except those marked data-draft-keep (the
 * revision a text was written from, so an old text never silently replaces a newer one).
 * A form the server sent back with what was posted (data-draft-bound) is kept as shown.
 * Logging out (the header's form marked data-drafts-logout, with the person's id) drops
 * that person's drafts: on a shared tablet, nothing of theirs stays behind them. Other
 * people's drafts stay (one whose session ended while they wrote gets theirs back).
 */
(function () {
  "use strict";

  var PREFIX = "preau-draft:";
  var LIFETIME = 24 * 60 * 60 * 1000;
  var DONE_COOKIE = "preau_drafts_done";
  var SAVE_DELAY = 300;
  var loggedOut = false;
  var storage;
  try {
    storage = window.localStorage;
    storage.getItem(PREFIX);
  } catch (error) {
    return; // storage refused: the forms work as they do without this script
  }

  function read(key) {
    try {
      return JSON.parse(storage.getItem(key));
    } catch (error) {
      return null;
    }
  }

  function write(key, value) {
    try {
      storage.setItem(key, JSON.stringify(value));
    } catch (error) {
      // Storage full or refused: the form is sent as usual.
    }
  }

  function forget(key) {
    try {
      storage.removeItem(key);
    } catch (error) {
      // Nothing to do.
    }
  }

  function forgetOld() {
    var now = Date.now();
    var stale = [];
    for (var i = 0; i < storage.length; i++) {
      var key = storage.key(i);
      if (key && key.indexOf(PREFIX) === 0) {
        var draft = read(key);
        if (!draft || !(now - draft.savedAt < LIFETIME)) stale.push(key);
      }
    }
    stale.forEach(forget);
  }

  function forgetDone() {
    var match = document.cookie.match(new RegExp("(?:^|; )" + DONE_COOKIE + "=([^;]*)"));
    if (!match) return;
    decodeURIComponent(match[1]).replace(/^"|"$/g, "").split("|").forEach(function (item) {
      if (/^\d+:[a-z0-9-]+$/.test(item)) forget(PREFIX + item);
    });
    document.cookie = DONE_COOKIE + "=; Max-Age=0; Path=/; SameSite=Lax" +
      (window.location.protocol === "https:" ? "; Secure" : "");
  }

  function kept(element) {
    if (!element.name || element.disabled) return false;
    var type = element.type;
    if (type === "hidden") return element.hasAttribute("data-draft-keep");
    return ["file", "submit", "button", "reset", "password", "image"].indexOf(type) === -1;
  }

  function isChoice(element) {
    return element.type === "checkbox" || element.type === "radio";
  }

  /* The form's kept fields: name → values (the ticked ones for checkboxes and radios). */
  function snapshot(form) {
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!kept(element)) return;
      var values = fields[element.name] || (fields[element.name] = []);
      if (isChoice(element)) {
        if (element.checked) values.push(element.value);
      } else if (element.tagName === "SELECT" && element.multiple) {
        Array.prototype.forEach.call(element.selectedOptions, function (option) {
          values.push(option.value);
        });
      } else {
        values.push(element.value);
      }
    });
    return fields;
  }

  /* Whether the draft holds something else than the form shows (its own fields only). */
  function differs(draft, shown) {
    return Object.keys(draft).some(function (name) {
      if (!Object.prototype.hasOwnProperty.call(shown, name)) return false;
      var a = draft[name] || [];
      var b = shown[name];
      return a.length !== b.length || a.some(function (value, i) { return value !== b[i]; });
    });
  }

  function restore(form, fields) {
    var seen = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!kept(element) || !Object.prototype.hasOwnProperty.call(fields, element.name)) return;
      var values = fields[element.name] || [];
      var changed = false;
      if (isChoice(element)) {
        var checked = values.indexOf(element.value) !== -1;
        changed = element.checked !== checked;
        element.checked = checked;
      } else if (element.tagName === "SELECT" && element.multiple) {
        Array.prototype.forEach.call(element.options, function (option) {
          var selected = values.indexOf(option.value) !== -1;
          changed = changed || option.selected !== selected;
          option.selected = selected;
        });
      } else {
        var index = seen[element.name] || 0;
        seen[element.name] = index + 1;
        var value = index < values.length ? values[index] : "";
        changed = element.value !== value;
        element.value = value;
      }
      // The editor's formatted area and the counters follow their field's input events.
      if (changed) element.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  function setUp(form) {
    var user = form.getAttribute("data-draft-user");
    var name = form.getAttribute("data-draft-key");
    if (!user || !name) return;
    var key = PREFIX + user + ":" + name;
    var note = form.querySelector("[data-draft-note]");
    var bound = form.hasAttribute("data-draft-bound");
    var initial = snapshot(form);
    var timer = null;

    function save() {
      window.clearTimeout(timer);
      timer = null;
      if (loggedOut) return; // nothing written back after the drafts were dropped
      var fields = snapshot(form);
      if (!bound && !differs(fields, initial)) {
        forget(key); // nothing but what the server already has
      } else {
        write(key, { savedAt: Date.now(), fields: fields });
      }
    }

    function saveSoon() {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, SAVE_DELAY);
    }

    var draft = read(key);
    if (bound) {
      save();
    } else if (draft && draft.fields && differs(draft.fields, initial)) {
      restore(form, draft.fields);
      save();
      if (note) {
        note.hidden = false;
        var details = form.closest("details");
        if (details) details.open = true;
      }
    }
    form.addEventListener("input", saveSoon);
    form.addEventListener("change", saveSoon);
    form.addEventListener("submit", save);
    window.addEventListener("pagehide", function () {
      if (timer) save();
    });
    var discard = note && note.querySelector("[data-draft-discard]");
    if (discard) {
      discard.addEventListener("click", function () {
        restore(form, initial);
        window.clearTimeout(timer);
        timer = null;
        forget(key);
        note.hidden = true;
      });
    }
  }

  function forgetAllOf(user) {
    var prefix = PREFIX + user + ":";
    var theirs = [];
    for (var i = 0; i < storage.length; i++) {
      var key = storage.key(i);
      if (key && key.indexOf(prefix) === 0) theirs.push(key);
    }
    theirs.forEach(forget);
  }

  function setUpLogout(form) {
    var user = form.getAttribute("data-drafts-logout");
    if (!/^\d+$/.test(user || "")) return;
    form.addEventListener("submit", function () {
      loggedOut = true;
      forgetAllOf(user);
    });
  }

  forgetDone();
  forgetOld();
  document.querySelectorAll("form[data-draft-key]").forEach(setUp);
  document.querySelectorAll("form[data-drafts-logout]").forEach(setUpLogout);
})();
