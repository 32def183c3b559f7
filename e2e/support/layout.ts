/**
 * Layout checks in the page: does the page scroll sideways, and if so, which elements stick
 * out. Elements inside a box that scrolls or clips on its own (a wide table in its
 * `.table-scroll`) are fine: the page does not move, the box does.
 */
import type { Page } from "playwright-core";

export interface Overflow {
  viewport: number;
  scrollWidth: number;
  /** The innermost elements that reach past the right edge, as short selectors with how far. */
  culprits: string[];
}

export async function horizontalOverflow(page: Page): Promise<Overflow | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const viewport = root.clientWidth;
    if (root.scrollWidth <= viewport + 1) return null;
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : "";
      const cls = typeof el.className === "string" && el.className.trim() ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
      return `${el.tagName.toLowerCase()}${id}${cls}`;
    };
    const clipsOwnContent = (el: Element) => {
      const style = getComputedStyle(el);
      return ["auto", "scroll", "hidden", "clip"].includes(style.overflowX);
    };
    const culprits: string[] = [];
    // An element sticks out when its box does, or when its own content (a long word, a URL)
    // runs past its box and past the window, unless the box scrolls or clips that content.
    const rightEdge = (el: Element) => {
      const rect = el.getBoundingClientRect();
      const content = !clipsOwnContent(el) && el.scrollWidth > el.clientWidth + 1 ? rect.left + el.scrollWidth : rect.right;
      return Math.max(rect.right, content);
    };
    const walk = (el: Element) => {
      const right = rightEdge(el);
      if (right > viewport + 1 && el.getBoundingClientRect().width > 0) {
        // Report the innermost elements that explain it, not every ancestor on the way.
        const before = culprits.length;
        if (!clipsOwnContent(el)) for (const child of el.children) walk(child);
        if (culprits.length === before) culprits.push(`${describe(el)} (to ${Math.round(right)} px)`);
        return;
      }
      if (clipsOwnContent(el)) return;
      for (const child of el.children) walk(child);
    };
    walk(document.body);
    return { viewport, scrollWidth: root.scrollWidth, culprits: culprits.slice(0, 8) };
  });
}
