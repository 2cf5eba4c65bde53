/* Saves an application draft as the applicant writes: progressive enhancement of the
 * "Save the draft" button, which keeps working without JavaScript.
 *
 * After a pause in typing (and when a changed field is left), the form is POSTed to its own URL
 * with the header X-Autosave: 1; the view validates and saves exactly as for the button and
 * answers JSON. The outcome is written to the form's status line. Every text shown comes from the
 * page (data-autosave-* attributes, translated by the template): none is written here. */
(function () {
  "use strict";

  var PAUSE_MS = 3000;
  var MARK = "data-autosave-marked";

  function enhance(form) {
    var status = document.getElementById(form.dataset.autosaveStatus);
    if (!status || !window.fetch || !window.FormData) {
      return;
    }
    var timer = null;
    var dirty = false;
    var inFlight = false;
    var again = false;
    var submitting = false;

    function show(text) {
      status.textContent = text;
    }

    function unmark() {
      form.querySelectorAll("[" + MARK + "]").forEach(function (element) {
        var what = element.getAttribute(MARK);
        if (what.indexOf("aria") !== -1) {
          element.removeAttribute("aria-invalid");
        }
        if (what.indexOf("class") !== -1) {
          element.classList.remove("field--error");
        }
        element.removeAttribute(MARK);
      });
    }

    function markOne(element) {
      if (!element || typeof element.setAttribute !== "function") {
        return;
      }
      var what = [];
      if (element.getAttribute("aria-invalid") !== "true") {
        element.setAttribute("aria-invalid", "true");
        what.push("aria");
      }
      if (what.length) {
        element.setAttribute(MARK, what.join(" "));
      }
      var field = element.closest(".field");
      if (field && !field.classList.contains("field--error")) {
        field.classList.add("field--error");
        field.setAttribute(MARK, "class");
      }
    }

    function mark(errors) {
      Object.keys(errors).forEach(function (name) {
        var found = form.elements.namedItem(name);
        if (!found) {
          return;
        }
        if (typeof found.length === "number" && !found.tagName) {
          // Several inputs share the name (checkboxes): mark each one.
          Array.prototype.forEach.call(found, markOne);
        } else {
          markOne(found);
        }
      });
    }

    function token() {
      var input = form.querySelector("input[name=csrfmiddlewaretoken]");
      return input ? input.value : "";
    }

    function save() {
      clearTimeout(timer);
      timer = null;
      if (submitting) {
        return;
      }
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      dirty = false;
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "X-Autosave": "1", "X-CSRFToken": token(), Accept: "application/json" },
      })
        .then(function (response) {
          var type = response.headers.get("Content-Type") || "";
          if (response.redirected || type.indexOf("application/json") === -1) {
            throw new Error("not an autosave answer");
          }
          return response.json();
        })
        .then(function (answer) {
          if (submitting) {
            return;
          }
          unmark();
          if (answer.saved) {
            show(form.dataset.autosaveSaved.replace("{time}", answer.at));
          } else {
            var errors = answer.errors || {};
            mark(errors);
            show(form.dataset.autosaveInvalid.replace("{count}", String(Object.keys(errors).length)));
          }
        })
        .catch(function () {
          if (!submitting) {
            dirty = true; // not saved: try again at the next pause or when a field is left
            show(form.dataset.autosaveFailed);
          }
        })
        .then(function () {
          inFlight = false;
          if (again) {
            again = false;
            save();
          }
        });
    }

    function changed(event) {
      if (!event.target.name || event.target.type === "file") {
        return;
      }
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(save, PAUSE_MS);
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", function (event) {
      changed(event);
      if (dirty && event.target.type !== "text" && event.target.tagName !== "TEXTAREA") {
        save(); // a choice (checkbox, select, date) needs no pause
      }
    });
    form.addEventListener("focusout", function () {
      if (dirty) {
        save();
      }
    });
    form.addEventListener("submit", function () {
      // The button's ordinary POST takes over; a late autosave answer must not overwrite its page.
      submitting = true;
      clearTimeout(timer);
    });
  }

  document.querySelectorAll("form[data-autosave]").forEach(enhance);
})();
