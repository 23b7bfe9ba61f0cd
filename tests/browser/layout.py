"""What a person sees go wrong in a layout, measured in the browser.

Three faults, each reported as one line naming the elements and the width:
- the page scrolls sideways (the document is wider than the window);
- something sticks out of the window without being inside its own scroll box
  (an element with `overflow-x: auto|scroll|hidden` whose box is inside the window);
- two pieces of text are drawn on top of each other.

Text is measured as the browser lays it out (a Range's client rectangles per line), so
a number that spills out of its table cell onto the next table is caught, whatever the
CSS says. Elements hidden on purpose (clipped to 1 px, moved wholly off screen like the
skip link and the honeypot, `display: none`) are left out.
"""

CHECK = r"""() => {
  const vw = document.documentElement.clientWidth;
  const problems = [];
  const name = (el) => {
    if (!el || !el.tagName) return '?';
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    else if (el.classList && el.classList.length) s += '.' + [...el.classList].join('.');
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return text ? s + ' "' + text + '"' : s;
  };
  const hidden = (el) => {
    // closed <details>, content-visibility, display: none anywhere up the tree
    if (el.checkVisibility && !el.checkVisibility({contentVisibilityAuto: true})) return true;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const st = getComputedStyle(e);
      if (st.display === 'none' || st.visibility === 'hidden') return true;
      const r = e.getBoundingClientRect();
      if (st.position === 'absolute' && (r.width <= 1 || r.height <= 1)) return true;
      if (st.clip && st.clip !== 'auto') return true;
      if (r.right <= 0 || r.bottom <= 0 && st.position !== 'static') return true;
    }
    return false;
  };
  const scrollBox = (el) => {
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      const ox = getComputedStyle(e).overflowX;
      if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') return e;
    }
    return null;
  };
  if (document.documentElement.scrollWidth > vw + 1) {
    problems.push('page scrolls sideways: ' + document.documentElement.scrollWidth
                  + ' px wide in a ' + vw + ' px window');
  }
  // elements sticking out of the window outside a scroll box
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right <= vw + 1 && r.left >= -1) continue;
    if (hidden(el)) continue;
    const box = scrollBox(el);
    if (box) {
      const b = box.getBoundingClientRect();
      if (b.right <= vw + 1 && b.left >= -1) continue;
    }
    // report the outermost offender only
    if (out.some((o) => o.contains(el))) continue;
    out.push(el);
  }
  for (const el of out.slice(0, 5)) {
    const r = el.getBoundingClientRect();
    problems.push('sticks out (' + Math.round(r.left) + '–' + Math.round(r.right) + ' px): '
                  + name(el));
  }
  // text drawn on text
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!el || el.closest('script,style,title,desc,noscript') || hidden(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = scrollBox(el);
    const clip = box ? box.getBoundingClientRect() : null;
    for (const r of range.getClientRects()) {
      if (r.width < 1 || r.height < 1) continue;
      // the part of the line that its scroll box shows
      const l = clip ? Math.max(r.left, clip.left) : r.left;
      const rr = clip ? Math.min(r.right, clip.right) : r.right;
      if (rr - l < 1) continue;
      boxes.push({l, r: rr, t: r.top, b: r.bottom, el});
    }
  }
  boxes.sort((a, b) => a.t - b.t);
  const overlaps = [];
  for (let i = 0; i < boxes.length && overlaps.length < 5; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].t < a.b - 2; j++) {
      const b = boxes[j];
      if (a.el === b.el) continue;
      const dx = Math.min(a.r, b.r) - Math.max(a.l, b.l);
      const dy = Math.min(a.b, b.b) - Math.max(a.t, b.t);
      if (dx > 2 && dy > 2) {
        overlaps.push('text on text: ' + name(a.el) + ' / ' + name(b.el));
        break;
      }
    }
  }
  return problems.concat(overlaps);
}"""


def layout_problems(page) -> list[str]:
    """The faults on the page as it is shown now (see the module's docstring)."""
    return page.evaluate(CHECK)
