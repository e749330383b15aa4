/* Recording a voice (or, with data-recorder-kind="video", a video) in the browser, to
 * listen to or watch before sending.
 *
 * MediaRecorder gives WebM/Opus in Chrome and Firefox, MP4/AAC in Safari; the server
 * checks either by its content. The recording is put in the form's file input, so it
 * goes with the rest of the entry when the pupil saves or sends; nothing is uploaded
 * before. Without MediaRecorder (or a microphone), the file input stays as it is.
 */
(function () {
  "use strict";

  var TYPES = {
    audio: ["audio/webm;codecs=opus", "audio/webm", "audio/mp4", "audio/ogg;codecs=opus"],
    // MP4 first: it plays on every phone, Safari included; WebM where MP4 cannot be made.
    video: ["video/mp4;codecs=avc1,mp4a", "video/mp4", "video/webm;codecs=vp8,opus", "video/webm"]
  };

  function pickType(kind) {
    var types = TYPES[kind];
    for (var i = 0; i < types.length; i++) {
      if (window.MediaRecorder && MediaRecorder.isTypeSupported && MediaRecorder.isTypeSupported(types[i])) return types[i];
    }
    return "";
  }

  function extension(type, kind) {
    if (type.indexOf("mp4") !== -1) return kind === "video" ? "mp4" : "m4a";
    if (type.indexOf("ogg") !== -1) return "ogg";
    return "webm";
  }

  function clock(seconds) {
    var s = Math.floor(seconds % 60);
    return Math.floor(seconds / 60) + ":" + (s < 10 ? "0" : "") + s;
  }

  function setUp(box) {
    if (!(window.MediaRecorder && navigator.mediaDevices && navigator.mediaDevices.getUserMedia && window.DataTransfer)) return;
    var controls = box.querySelector("[data-recorder-controls]");
    var start = box.querySelector("[data-recorder-start]");
    var stop = box.querySelector("[data-recorder-stop]");
    var again = box.querySelector("[data-recorder-again]");
    var timer = box.querySelector("[data-recorder-timer]");
    var time = box.querySelector("[data-recorder-time]");
    var preview = box.querySelector("[data-recorder-preview]");
    var audio = box.querySelector("[data-recorder-audio]");
    var status = box.querySelector("[data-recorder-status]");
    var input = box.querySelector("input[type=file]");
    var maxSeconds = parseInt(box.dataset.maxSeconds, 10) || 300;
    var kind = box.dataset.recorderKind === "video" ? "video" : "audio";
    var live = box.querySelector("[data-recorder-live]");
    // What the recorder says comes from the page, translated by Django.
    var say = {
      denied: box.dataset.msgDenied,
      ready: box.dataset.msgReady,
      limit: box.dataset.msgLimit,
      recording: box.dataset.msgRecording
    };
    var recorder = null, chunks = [], started = 0, ticking = null, stream = null;
    controls.hidden = false;

    function tick() {
      var elapsed = (Date.now() - started) / 1000;
      time.textContent = clock(elapsed);
      if (elapsed >= maxSeconds) { status.textContent = say.limit; finish(); }
    }

    function finish() {
      if (recorder && recorder.state !== "inactive") recorder.stop();
      clearInterval(ticking);
    }

    function begin() {
      var wanted = kind === "video" ? { audio: true, video: { facingMode: "user" } } : { audio: true };
      navigator.mediaDevices.getUserMedia(wanted).then(function (granted) {
        stream = granted;
        var type = pickType(kind);
        if (live) { live.srcObject = stream; live.hidden = false; live.play(); }
        recorder = type ? new MediaRecorder(stream, { mimeType: type }) : new MediaRecorder(stream);
        chunks = [];
        recorder.addEventListener("dataavailable", function (event) { if (event.data.size) chunks.push(event.data); });
        recorder.addEventListener("stop", function () {
          stream.getTracks().forEach(function (track) { track.stop(); });
          if (live) { live.srcObject = null; live.hidden = true; }
          var mime = recorder.mimeType || type || kind + "/webm";
          var blob = new Blob(chunks, { type: mime.split(";")[0] });
          var stem = kind === "video" ? "video." : "enregistrement.";
          var file = new File([blob], stem + extension(mime, kind), { type: blob.type });
          var transfer = new DataTransfer();
          transfer.items.add(file);
          input.files = transfer.files;
          audio.src = URL.createObjectURL(blob);
          preview.hidden = false;
          timer.hidden = true;
          stop.hidden = true;
          start.hidden = true;
          status.textContent = say.ready;
        });
        recorder.start(1000);
        started = Date.now();
        time.textContent = "0:00";
        timer.hidden = false;
        start.hidden = true;
        preview.hidden = true;
        stop.hidden = false;
        stop.focus();
        status.textContent = say.recording;
        ticking = setInterval(tick, 250);
      }).catch(function () {
        status.textContent = say.denied;
      });
    }

    start.addEventListener("click", begin);
    stop.addEventListener("click", finish);
    again.addEventListener("click", function () {
      input.value = "";
      audio.removeAttribute("src");
      begin();
    });
  }

  document.querySelectorAll("[data-recorder]").forEach(setUp);
})();
