// The head of a page reached from another (a tracker, a group of authorities): Back when there
// is somewhere to go back to, what kind of page it is, its title, a line saying what it shows,
// and its actions on the right.
import { button, el, type Child } from "../dom";
import { back, canGoBack } from "../router";
import { icon } from "./icons";

export interface PageHead {
  eyebrow: string;
  title: string;
  titleId: string;
  sub: Child;
  actions: Child;
}

/** Back to where people came from (Alt+←). */
export function backButton(): HTMLElement {
  return button([icon("back"), "Back"], () => back(), { class: "btn btn-ghost back-button", title: "Back (Alt+←)" });
}

export function pageHead({ eyebrow, title, titleId, sub, actions }: PageHead): HTMLElement {
  return el(
    "header",
    { class: "page-head" },
    el(
      "div",
      {},
      canGoBack() ? backButton() : null,
      el("p", { class: "eyebrow" }, eyebrow),
      el("h1", { id: titleId }, title),
      el("p", { class: "page-sub" }, sub),
    ),
    actions,
  );
}
