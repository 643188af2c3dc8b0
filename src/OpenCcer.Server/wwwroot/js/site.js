// Forms marked data-validate check their fields as you type, with the browser's own (localised) messages,
// in the span that also shows the server's problem details for that field.
(function () {
  "use strict";

  function errorSpan(field) {
    var form = field.form;
    if (!form) return null;
    var next = field.parentElement && field.parentElement.tagName === "LABEL" ? field.parentElement.nextElementSibling : field.nextElementSibling;
    while (next && next.tagName === "DATALIST") next = next.nextElementSibling;
    return next && next.classList.contains("field-error") ? next : null;
  }

  function check(field) {
    var span = errorSpan(field);
    var valid = field.checkValidity();
    field.classList.toggle("invalid", !valid);
    field.setAttribute("aria-invalid", valid ? "false" : "true");
    if (span) span.textContent = valid ? "" : field.validationMessage;
    return valid;
  }

  document.querySelectorAll("form[data-validate]").forEach(function (form) {
    form.setAttribute("novalidate", "");
    form.querySelectorAll("input, select, textarea").forEach(function (field) {
      if (field.type === "hidden") return;
      field.addEventListener("input", function () { check(field); });
      field.addEventListener("change", function () { check(field); });
    });
    form.addEventListener("submit", function (event) {
      var ok = true;
      form.querySelectorAll("input, select, textarea").forEach(function (field) {
        if (field.type !== "hidden" && !check(field)) ok = false;
      });
      if (!ok) {
        event.preventDefault();
        var first = form.querySelector(".invalid");
        if (first) first.focus();
        return;
      }
      // One submission per form: a double click does not send the step twice.
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
    });
  });
})();
