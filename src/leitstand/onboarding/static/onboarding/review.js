// Marking a passage: the text selected in the document fills the form for a new goal.
document.addEventListener("DOMContentLoaded", function () {
  var lines = document.querySelector(".lines");
  var text = document.getElementById("passage-text");
  var line = document.getElementById("passage-line");
  if (!lines || !text || !line) { return; }
  lines.addEventListener("mouseup", function () {
    var selection = window.getSelection();
    var chosen = selection ? selection.toString().trim() : "";
    if (!chosen) { return; }
    var node = selection.anchorNode;
    while (node && node.nodeName !== "LI") { node = node.parentNode; }
    text.value = chosen.replace(/\s+/g, " ");
    if (node && node.id) { line.value = node.id.slice(1); }
  });
});
