/**
 * A wide table scrolls sideways inside this box instead of widening the page on a phone.
 * The box is focusable and named after the table, so keyboard users can scroll it with the
 * arrow keys too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
import type { ReactNode } from "react";

export function TableScroll({ labelledBy, label, children }: { labelledBy?: string; label?: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} aria-label={labelledBy ? undefined : label} tabIndex={0}>
      {children}
    </div>
  );
}
