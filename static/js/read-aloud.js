/* Speaker buttons ({% read_aloud %}) say a text aloud for children who do not read yet.
 *
 * A button with data-audio-src plays that recording (a teacher's voice); otherwise the
 * browser's speech synthesis says data-read-aloud in the page's language (<html lang>),
 * with a voice of that language when the device has one. Buttons stay hidden where
 * neither is possible, and without JavaScript.
 */
(function () {
  "use strict";

  var LOCALES = { fr: "fr-FR", en: "en-GB" };
  var pageLang = document.documentElement.lang || "fr";
  var lang = pageLang.indexOf("-") === -1 ? (LOCALES[pageLang] || pageLang) : pageLang;
  var synth = window.speechSynthesis;
  var playing = null;

  function voiceFor(wanted) {
    if (!synth || !synth.getVoices) return null;
    var base = wanted.split("-")[0].toLowerCase();
    var voices = synth.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      if ((voices[i].lang || "").toLowerCase().indexOf(base) === 0) return voices[i];
    }
    return null;
  }

  function say(button) {
    if (playing) { playing.pause(); playing = null; }
    var src = button.dataset.audioSrc;
    if (src) {
      playing = new Audio(src);
      playing.play();
      return;
    }
    synth.cancel();
    var utterance = new SpeechSynthesisUtterance(button.dataset.readAloud);
    utterance.lang = lang;
    var voice = voiceFor(lang);
    if (voice) utterance.voice = voice;
    utterance.rate = 0.9; // a little slower, for young listeners
    synth.speak(utterance);
  }

  document.querySelectorAll("[data-read-aloud]").forEach(function (button) {
    var canSpeak = synth && window.SpeechSynthesisUtterance;
    if (!button.dataset.audioSrc && !canSpeak) return;
    button.hidden = false;
    button.addEventListener("click", function () { say(button); });
  });
})();
