/* A visible counter under each comment sentence: how many characters are left. */
(function () {
  "use strict";
  var french = (document.documentElement.lang || "fr").indexOf("fr") === 0;
  document.querySelectorAll("textarea[data-count]").forEach(function (area) {
    var counter = document.querySelector("[data-count-for='" + area.id + "']");
    var max = parseInt(area.getAttribute("maxlength"), 10);
    if (!counter || !max) return;
    function update() {
      var left = max - area.value.length;
      counter.textContent = french ? left + " caractères restants" : left + " characters left";
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
