// A view that shows one thing fetched from the app at a time (an authority's tracker, its
// neighbours): a spinner while it loads, the error if it fails, and only the latest request
// drawn when people move on before an earlier one answers. Kept until the library changes.
import * as api from "../api";
import { el, fill } from "../dom";
import { onLibraryChange } from "../state";

export interface Loading<T> {
  message: string;
  errorTitle: string;
  load: () => Promise<T>;
  draw: (value: T) => void;
  /** Keep what is drawn while this loads (a date changed), rather than a spinner. */
  keepDrawn?: boolean;
}

/** Returns `show(key, loading)`: draws what `loading` fetches into `root`, unless `key` is
 *  what is already drawn there (coming back keeps what people were typing or scrolled to). */
export function loadingView(root: HTMLElement): <T>(key: string, loading: Loading<T>) => Promise<void> {
  let token = 0;
  let shown: string | null = null;
  onLibraryChange(() => {
    shown = null;
  });
  return async (key, { message, errorTitle, load, draw, keepDrawn }) => {
    if (key === shown) return;
    const mine = ++token;
    if (!keepDrawn) fill(root, el("div", { class: "loading-block" }, el("span", { class: "spinner", "aria-hidden": "true" }), message));
    try {
      const value = await load();
      if (mine !== token) return;
      draw(value);
      shown = key;
    } catch (e) {
      if (mine !== token) return;
      fill(root, el("div", { class: "empty-state error-state" }, el("h2", {}, errorTitle), el("p", {}, api.errorMessage(e))));
    }
  };
}
