// Plays an H5P package with h5p-standalone (static/vendor/h5p-standalone) and posts the
// score of its top-level xAPI statement to Préau (exercises/h5p/views.py `report`), with
// the page's CSRF token. No inline script: the page carries its addresses in data-.
(function () {
  "use strict";
  var box = document.querySelector("[data-h5p-player]");
  if (!box || !window.H5PStandalone) {
    return;
  }
  var status = box.querySelector("[data-h5p-status]");
  var next = box.querySelector("[data-h5p-next]");
  var sent = false;

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function isTopLevel(statement) {
    var context = statement.context || {};
    var parents = (context.contextActivities || {}).parent;
    return !(parents && parents.length);
  }

  function report(statement) {
    var result = statement.result || {};
    var score = result.score || {};
    if (sent || !box.dataset.reportUrl || typeof score.raw !== "number" || !score.max) {
      return;
    }
    if (!isTopLevel(statement)) {
      return;
    }
    sent = true;
    var verb = ((statement.verb || {}).id || "").split("/").pop();
    var body = new FormData();
    body.append("raw", String(score.raw));
    body.append("max", String(score.max));
    body.append("scaled", String(typeof score.scaled === "number" ? score.scaled : ""));
    body.append("completion", String(result.completion === true));
    body.append("success", String(result.success === true));
    body.append("verb", verb);
    fetch(box.dataset.reportUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken() },
    })
      .then(function (response) {
        return response.json().then(function (data) {
          return { ok: response.ok, data: data };
        });
      })
      .then(function (answer) {
        if (!answer.ok || !answer.data.recorded) {
          throw new Error("not recorded");
        }
        status.textContent = answer.data.message;
        next.querySelector("a").href = answer.data.next;
        next.hidden = false;
        var skip = document.querySelector("[data-h5p-skip]");
        if (skip) {
          skip.remove();
        }
      })
      .catch(function () {
        sent = false;
        status.textContent = box.dataset.failedText;
      });
  }

  new window.H5PStandalone.H5P(box.querySelector(".h5p-player__stage"), {
    h5pJsonPath: box.dataset.h5pPath,
    frameJs: box.dataset.frameJs,
    frameCss: box.dataset.frameCss,
    frame: false,
    copyright: false,
    export: false,
    embed: false,
    icon: false,
    fullScreen: false,
  }).then(function () {
    // The frame the player made gets a name for screen readers: the activity's title.
    var frame = box.querySelector("iframe");
    if (frame) {
      frame.title = box.dataset.frameTitle || "";
    }
    window.H5P.externalDispatcher.on("xAPI", function (event) {
      report(event.data.statement);
    });
  });
})();
