/* The nursery editor's picture buttons (entry_form_nursery.html).
 *
 * "Listen" plays the recording just made (recorder.js fills its audio element); the
 * photo button shows the picture taken, so a child sees it is there before sending.
 */
(function () {
  "use strict";

  document.querySelectorAll("[data-play-audio]").forEach(function (button) {
    var audio = document.getElementById(button.dataset.playAudio);
    if (!audio) return;
    button.addEventListener("click", function () { audio.currentTime = 0; audio.play(); });
  });

  document.querySelectorAll("[data-photo-preview]").forEach(function (img) {
    var input = document.getElementById(img.dataset.photoPreview);
    if (!input) return;
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file || file.type.indexOf("image/") !== 0) { img.hidden = true; return; }
      // A data: URL: the Content-Security-Policy allows those for pictures, not blob: ones.
      var reader = new FileReader();
      reader.addEventListener("load", function () { img.src = reader.result; img.hidden = false; });
      reader.readAsDataURL(file);
    });
  });
})();
