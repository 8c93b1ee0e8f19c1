// What a reader would see wrong on the open page, as a list of sentences (tests/test_layout.py): the page wider
// than the screen, chart text outside its SVG or drawn smaller than the minimum, text cut or spilling out of its
// box, text smaller than the minimum. Only what is drawn counts: hidden, transparent and visually hidden
// (1 px, for screen readers) elements are skipped.
(minimum) => {
  const problems = [];
  const shown = (element) => {
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = element.getBoundingClientRect();
    return box.width > 1 && box.height > 1;
  };
  const name = (element) => {
    const text = (element.textContent || "").trim().replace(/\s+/g, " ").slice(0, 50);
    return `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") || ""}"> "${text}"`;
  };
  const ownText = (element) =>
    [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());

  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page is ${document.documentElement.scrollWidth} px wide on a ${width} px screen`);
  }

  for (const svg of document.querySelectorAll("svg.tayho-chart__svg")) {
    const view = svg.viewBox.baseVal;
    const scale = svg.getBoundingClientRect().width / view.width;
    for (const text of svg.querySelectorAll("text")) {
      const box = text.getBBox();
      const inside = box.x >= view.x - 0.5 && box.y >= view.y - 0.5 &&
        box.x + box.width <= view.x + view.width + 0.5 && box.y + box.height <= view.y + view.height + 0.5;
      if (!inside) {
        problems.push(`chart text ${name(text)} at (${box.x.toFixed(1)}, ${box.y.toFixed(1)}, ` +
          `${box.width.toFixed(1)} x ${box.height.toFixed(1)}) leaves the viewBox ${view.width} x ${view.height}`);
      }
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (size < minimum - 0.01) problems.push(`chart text ${name(text)} drawn at ${size.toFixed(1)} px`);
    }
  }

  for (const element of document.querySelectorAll("body *")) {
    if (element.closest("svg") || !ownText(element) || !shown(element)) continue;
    const style = getComputedStyle(element);
    const size = parseFloat(style.fontSize);
    if (size < minimum - 0.01) problems.push(`${name(element)} is ${size} px`);
    if (style.display.startsWith("inline") && style.display !== "inline-block") continue;
    const scrolls = ["auto", "scroll"].includes(style.overflowX);
    if (!scrolls && element.scrollWidth > element.clientWidth + 1) {
      problems.push(`${name(element)} is ${element.scrollWidth} px wide in a ${element.clientWidth} px box`);
    }
    const clipsHeight = ["hidden", "clip"].includes(style.overflowY);
    if (clipsHeight && element.scrollHeight > element.clientHeight + 1) {
      problems.push(`${name(element)} is cut at ${element.clientHeight} px of ${element.scrollHeight} px`);
    }
  }
  return problems;
}
