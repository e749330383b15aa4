/* The mental calculation drill's time limit: one operation on screen at a time, each
 * with its own countdown; when time is up the next one comes, and after the last the
 * answers are sent. An unanswered operation simply counts as wrong on the server.
 * Without JavaScript every operation shows at once and nothing is timed.
 */
(function () {
  "use strict";
  document.querySelectorAll("[data-seconds-per-operation]").forEach(function (drill) {
    var seconds = parseInt(drill.dataset.secondsPerOperation, 10);
    var items = Array.prototype.slice.call(drill.querySelectorAll(".question__operations li"));
    if (!seconds || !items.length) return;
    var form = drill.closest("form");
    var clock = document.createElement("p");
    clock.className = "drill-clock";
    clock.setAttribute("role", "timer");
    drill.insertBefore(clock, drill.querySelector(".question__operations"));
    var index = -1, left = 0, ticking = null;

    function show(next) {
      items.forEach(function (item, position) { item.hidden = position !== next; });
      index = next;
      left = seconds;
      var input = items[index].querySelector("input");
      if (input) {
        input.focus();
        input.onkeydown = function (event) {
          if (event.key === "Enter") { event.preventDefault(); advance(); }
        };
      }
      render();
    }

    function render() {
      // The words come from the page (data-time-left, translated by Django).
      clock.textContent = (drill.dataset.timeLeft || "__N__ s").replace("__N__", left);
    }

    function advance() {
      if (index + 1 < items.length) { show(index + 1); return; }
      clearInterval(ticking);
      items.forEach(function (item) { item.hidden = false; });
      form.requestSubmit ? form.requestSubmit() : form.submit();
    }

    show(0);
    ticking = setInterval(function () {
      left -= 1;
      if (left <= 0) { advance(); } else { render(); }
    }, 1000);
  });
})();
