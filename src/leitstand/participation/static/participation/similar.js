// Similar proposals while a title is being written: the server matches (German-aware) and
// answers a piece of HTML, shown in a polite live region below the title. Without this
// script the form's "Check for similar proposals" button shows the same list.
// Served by the site itself; no inline script (Content-Security-Policy).
(function () {
  "use strict";
  var title = document.querySelector("input[data-similar]");
  var region = document.getElementById("similar");
  if (!title || !region) { return; }
  var url = region.getAttribute("data-url");
  // With the script, the list stands right below the title it answers.
  var field = title.closest(".field");
  if (field) { field.after(region); }
  var timer = null;
  var asked = "";

  function ask() {
    var value = title.value.trim();
    if (value.length < 4 || value === asked) { return; }
    asked = value;
    fetch(url + "?titel=" + encodeURIComponent(value), {credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) { if (asked === value) { region.innerHTML = html; } })
      .catch(function () { /* the button still works */ });
  }

  title.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 400);
  });
})();
