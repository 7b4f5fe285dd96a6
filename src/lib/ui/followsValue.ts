// A <select> in a server-rendered GET form (the trends page's controls) marks its current choice with the
// options' `selected` attribute and follows the page's data through this action. Svelte's `value={…}` on a
// <select> sets the value again when the page's script starts, which undoes a choice the reader made before:
// on a slow link that is seconds in which a picked figure silently reverts and "Show" shows the old one.
// The action leaves the first value to the server's markup and sets the select only when the data changes
// afterwards (a submitted form, back and forward).
import type { Action } from 'svelte/action';

export const followsValue: Action<HTMLSelectElement, string> = (select, value) => {
  let shown = value;
  return {
    update(next: string) {
      if (next === shown) return;
      shown = next;
      select.value = next;
    },
  };
};
