// Keeps the note being typed as a sealed draft on the server (never in the browser's storage),
// so a closed tab or a dropped connection loses nothing; Ctrl+Enter saves the note.
(function () {
  "use strict";
  var form = document.getElementById("capture");
  if (!form) { return; }
  var status = document.getElementById("draft-status");
  var url = form.getAttribute("data-draft");
  var timer = null;
  var last = "";
  function save() {
    var data = new URLSearchParams(new FormData(form));
    var body = data.toString();
    if (body === last) { return; }
    fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (response) {
      if (response.ok) { last = body; }
      status.textContent = response.ok ? "Draft kept." : "The draft could not be kept.";
    }).catch(function () {
      status.textContent = "Offline: the draft is not kept yet.";
    });
  }
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(save, 800);
  });
  form.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
})();
