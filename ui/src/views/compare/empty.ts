// What the compare view shows instead of a comparison: loading, the empty state (fewer than two
// inspections to compare), and the failure to compare.
import { icon } from "../../components/icons";
import { button, el } from "../../dom";
import { navigate } from "../../router";

export function loadingBlock(text: string): HTMLElement {
  return el("div", { class: "loading-block" }, el("span", { class: "spinner", "aria-hidden": "true" }), text);
}

export function emptyState(): HTMLElement {
  return el(
    "div",
    { class: "empty-state" },
    el("div", { class: "empty-illustration", "aria-hidden": "true" }, icon("compare")),
    el("h2", {}, "Comparing needs two inspections"),
    el("p", {}, "Add at least two inspection reports of the same local authority — for example its 2013 and 2018 inspections — and see what changed: judgements, recommendations and the text itself."),
    button("Go to the library", () => navigate({ view: "library" }), { class: "btn" }),
  );
}

export function errorState(message: string): HTMLElement {
  return el("div", { class: "empty-state error-state compact" }, el("h2", {}, "These inspections could not be compared"), el("p", {}, message));
}
