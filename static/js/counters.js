/* A visible counter under each comment sentence: how many characters are left.
 * Its words come from the page (data-template, translated by Django; __N__ is the count).
 */
(function () {
  "use strict";
  document.querySelectorAll("textarea[data-count]").forEach(function (area) {
    var counter = document.querySelector("[data-count-for='" + area.id + "']");
    var max = parseInt(area.getAttribute("maxlength"), 10);
    if (!counter || !max) return;
    function update() {
      var left = max - area.value.length;
      counter.textContent = (counter.dataset.template || "__N__").replace("__N__", left);
      counter.classList.toggle("help--warning", left < 20);
    }
    area.addEventListener("input", update);
    update();
  });
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    if (form.dataset.confirmReady) return;
    form.dataset.confirmReady = "1";
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
})();
