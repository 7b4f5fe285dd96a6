// A <select> of a server-rendered page (the trends page's controls, the planner's alternatives) marks its
// current choice with the options' `selected` attribute and follows the page's state through this action.
// Svelte's `value={…}` or `bind:value` on a <select> sets the value again when the page's script starts, which
// undoes a choice the reader made before: on a slow link that is seconds in which a picked figure silently
// reverts and "Show" shows the old one. The action leaves the first value to the server's markup, tells the
// page of a choice made before the script ran as a change (for a page that keeps it in its state), and sets
// the select only when the value changes afterwards (a submitted form, back and forward, a plan opened).
import type { Action } from 'svelte/action';

export const followsValue: Action<HTMLSelectElement, string> = (select, value) => {
  let shown = value;
  if (select.value !== value) select.dispatchEvent(new Event('change', { bubbles: true }));
  return {
    update(next: string) {
      if (next === shown) return;
      shown = next;
      select.value = next;
    },
  };
};
