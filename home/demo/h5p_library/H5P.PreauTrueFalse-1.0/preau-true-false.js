/* Préau's small H5P content type: statements to mark true or false, then "check".
 *
 * Content (content/content.json): {"question": "...", "statements": [{"text": "...",
 * "correct": true}, ...], "trueLabel": "Vrai", "falseLabel": "Faux", "checkLabel":
 * "Vérifier", "rightLabel": "Juste", "wrongLabel": "Faux"}.
 * On "check" it triggers the xAPI "answered" statement with the score, through H5P
 * core's EventDispatcher.triggerXAPIScored, as H5P's own question types do. No inline
 * style: the page's Content-Security-Policy allows none. */
var H5P = H5P || {};

H5P.PreauTrueFalse = (function (EventDispatcher) {
  "use strict";

  function PreauTrueFalse(params, contentId) {
    EventDispatcher.call(this);
    this.params = params || {};
    this.contentId = contentId;
    this.statements = Array.isArray(this.params.statements) ? this.params.statements : [];
    this.score = 0;
  }

  PreauTrueFalse.prototype = Object.create(EventDispatcher.prototype);
  PreauTrueFalse.prototype.constructor = PreauTrueFalse;

  PreauTrueFalse.prototype.getScore = function () {
    return this.score;
  };

  PreauTrueFalse.prototype.getMaxScore = function () {
    return this.statements.length;
  };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  PreauTrueFalse.prototype.attach = function ($container) {
    var self = this;
    var params = this.params;
    var root = $container[0];
    root.classList.add("h5p-preau-true-false");
    root.textContent = "";
    if (params.question) {
      root.appendChild(element("p", "h5p-preau-true-false__question", params.question));
    }
    var rows = this.statements.map(function (statement, index) {
      var fieldset = element("fieldset", "h5p-preau-true-false__statement");
      fieldset.appendChild(element("legend", "", statement.text));
      [true, false].forEach(function (value) {
        var label = element("label", "h5p-preau-true-false__choice");
        var input = document.createElement("input");
        input.type = "radio";
        input.name = "h5p-preau-" + self.contentId + "-" + index;
        input.value = value ? "true" : "false";
        label.appendChild(input);
        label.appendChild(
          document.createTextNode(" " + (value ? params.trueLabel || "True" : params.falseLabel || "False"))
        );
        fieldset.appendChild(label);
      });
      var feedback = element("p", "h5p-preau-true-false__feedback");
      fieldset.appendChild(feedback);
      root.appendChild(fieldset);
      return { fieldset: fieldset, feedback: feedback, statement: statement };
    });
    var check = element("button", "h5p-preau-true-false__check", params.checkLabel || "Check");
    check.type = "button";
    check.addEventListener("click", function () {
      var score = 0;
      rows.forEach(function (row) {
        var chosen = row.fieldset.querySelector("input:checked");
        var right = chosen !== null && (chosen.value === "true") === Boolean(row.statement.correct);
        score += right ? 1 : 0;
        row.feedback.textContent = right ? params.rightLabel || "Right" : params.wrongLabel || "Wrong";
        row.fieldset.classList.add(right ? "is-right" : "is-wrong");
        row.fieldset.querySelectorAll("input").forEach(function (input) {
          input.disabled = true;
        });
      });
      check.disabled = true;
      self.score = score;
      var max = self.getMaxScore();
      self.triggerXAPIScored(score, max, "answered", true, score === max);
      self.trigger("resize");
    });
    root.appendChild(check);
  };

  return PreauTrueFalse;
})(H5P.EventDispatcher);
