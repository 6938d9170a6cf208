/**
 * The focused row of the annotation list (a paragraph, or a folded run) takes DOM focus, so screen
 * readers follow it, also when the windowed list mounts it anew; never away from a field the
 * editor is typing in or a dialog.
 *
 * From another row (J, K…) right after the next frame is painted, not in the key's handler:
 * focus() makes Chromium bring style and layout up to date at once, which in the handler (or
 * before the frame) is a forced layout of rows that the list's scroll then changes again; after
 * the frame, layout is clean and focus only restyles the row. The highlight (data-focused) paints
 * with the key, DOM focus follows a frame later, and a newer key (J held down) cancels it. From
 * anywhere else (a button after a dialog closed) at once, or the next Space would press that button.
 */

import type { Attachment } from 'svelte/attachments';

/** Every kind of row in the list. */
export const ROW_SELECTOR = '[data-paragraph-index], [data-fold-start]';

/** `{@attach takesFocus(isFocused)}` on a row: DOM focus follows the cursor's focus, as above. */
export function takesFocus(focused: boolean): Attachment<HTMLElement> {
  return (row) => (focused ? takeRowFocus(row) : undefined);
}

/** Gives `row` DOM focus as above; returns the cancel for the effect's cleanup. */
function takeRowFocus(row: HTMLElement): () => void {
  let tries = 0;
  let frame = 0;
  let task: ReturnType<typeof setTimeout> | undefined;
  const afterNextFrame = () => {
    frame = requestAnimationFrame(() => (task = setTimeout(take)));
  };
  const take = () => {
    const active = document.activeElement;
    if (active === row || (active && (['INPUT', 'TEXTAREA', 'SELECT'].includes(active.tagName) || active.closest('[role="dialog"]')))) return;
    row.focus({ preventScroll: true });
    // A row the list has not measured yet is hidden and cannot take focus: try again next frame.
    if (document.activeElement !== row && tries++ < 20) afterNextFrame();
  };
  if (document.activeElement?.matches(ROW_SELECTOR)) afterNextFrame();
  else take();
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(task);
  };
}
