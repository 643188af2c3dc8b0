// An export job's progress: polls the job's status endpoint until it is done or failed, moves the bar,
// then shows the file's link (or the problem the server answered with).
(function () {
  "use strict";
  var section = document.getElementById("export-job");
  if (!section) return;
  var bar = document.getElementById("export-progress");
  var label = section.querySelector("[data-progress-text]");
  var ready = section.querySelector(".export-ready");
  var failed = section.querySelector(".export-failed");
  var error = section.querySelector("[data-error]");
  var url = section.getAttribute("data-status-url");
  var intervalMs = 400;

  function show(percent) {
    bar.value = percent;
    bar.setAttribute("aria-valuenow", String(percent));
    label.textContent = percent + "%";
  }

  function fail(message) {
    section.setAttribute("data-status", "failed");
    error.textContent = message;
    failed.hidden = false;
  }

  function poll() {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (r) {
        if (!r.ok) { fail((r.body.title || "") + " " + (r.body.detail || "")); return; }
        var job = r.body;
        show(job.progress_percent);
        section.setAttribute("data-status", job.status);
        if (job.status === "done") {
          var link = ready.querySelector("a");
          link.href = job.file_url;
          ready.hidden = false;
        } else if (job.status === "failed") {
          fail(job.error || "");
        } else {
          setTimeout(poll, intervalMs);
        }
      })
      .catch(function () { setTimeout(poll, intervalMs * 5); });
  }

  if (section.getAttribute("data-status") === "running") poll();
})();
