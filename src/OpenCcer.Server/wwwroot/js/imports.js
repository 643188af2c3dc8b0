// An import job's progress: polls the job's status endpoint while it runs, moving the bar and the count of rows
// read; once it is done or failed the page is loaded again, and the server shows the summary or the rows' errors.
// Also refuses, before uploading, a file over the size limit the form states.
(function () {
  "use strict";
  var form = document.querySelector("form.import-form");
  if (form) {
    form.addEventListener("submit", function (event) {
      var input = form.querySelector("input[type=file]");
      var max = parseInt(form.getAttribute("data-max-bytes"), 10);
      if (input && input.files.length === 1 && input.files[0].size > max) {
        event.preventDefault();
        var error = form.querySelector("[data-error-for=file]");
        if (error) error.textContent = Math.ceil(input.files[0].size / 1024) + " KiB > " + Math.floor(max / 1024) + " KiB";
      }
    });
  }
  var section = document.getElementById("import-job");
  if (!section) return;
  var bar = document.getElementById("import-progress");
  var label = section.querySelector("[data-progress-text]");
  var rowsParsed = section.querySelector("[data-rows-parsed]");
  var rowsTotal = section.querySelector("[data-rows-total]");
  var failed = section.querySelector(".import-failed");
  var error = section.querySelector("[data-error]");
  var url = section.getAttribute("data-status-url");
  var intervalMs = 400;

  function show(job) {
    bar.value = job.progress_percent;
    bar.setAttribute("aria-valuenow", String(job.progress_percent));
    label.textContent = job.progress_percent + "%";
    rowsParsed.textContent = String(job.rows_parsed);
    rowsTotal.textContent = String(job.rows_total);
  }

  function poll() {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (r) {
        if (!r.ok) {
          section.setAttribute("data-status", "failed");
          error.textContent = (r.body.title || "") + " " + (r.body.detail || "");
          failed.hidden = false;
          return;
        }
        show(r.body);
        if (r.body.status === "running") setTimeout(poll, intervalMs);
        else window.location.replace(window.location.href);
      })
      .catch(function () { setTimeout(poll, intervalMs * 5); });
  }

  if (section.getAttribute("data-status") === "running") poll();
})();
