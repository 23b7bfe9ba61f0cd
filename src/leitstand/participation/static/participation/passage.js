// Comment on a passage: words marked in the paragraph (with the mouse, or with the keyboard
// where the browser allows selecting text) fill in the form's "these words" field.
// Without this script the form still offers a list of sentences and a field to type the
// words into. Served by the site itself; no inline script (Content-Security-Policy).
(function () {
  "use strict";
  var paragraph = document.getElementById("paragraph-text");
  var button = document.getElementById("comment-passage");
  if (!paragraph || !button) { return; }
  var field = document.getElementById(button.getAttribute("data-quote-field"));
  var hint = document.getElementById("id_quote_hint");
  var sentence = document.getElementById("id_sentence");
  var body = document.getElementById("id_body");
  if (!field) { return; }
  var tool = button.parentNode;
  var chosen = null;

  // The offset of a point in the paragraph's own text (the comment counts are not text).
  function offsetOf(node, offset) {
    var walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, null);
    var total = 0;
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentNode.closest(".passage-count")) { continue; }
      if (n === node) { return total + offset; }
      total += n.data.length;
    }
    return null;
  }

  function selectedPassage() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) { return null; }
    var range = selection.getRangeAt(0);
    if (!paragraph.contains(range.commonAncestorContainer)) { return null; }
    var text = selection.toString().replace(/\s+/g, " ").trim();
    if (!text) { return null; }
    return {text: text, start: offsetOf(range.startContainer, range.startOffset)};
  }

  document.addEventListener("selectionchange", function () {
    var passage = selectedPassage();
    if (passage) { chosen = passage; }
    tool.hidden = !passage && document.activeElement !== button;
  });

  // Pressing the button must not take the selection away before the click.
  button.addEventListener("mousedown", function (event) { event.preventDefault(); });
  button.addEventListener("click", function () {
    if (!chosen) { return; }
    field.value = chosen.text;
    if (hint && chosen.start !== null) { hint.value = String(chosen.start); }
    if (sentence) { sentence.value = ""; }
    tool.hidden = true;
    (body || field).focus();
  });
})();
