// A polite live region for screen readers and short-lived toasts for people who look.
import { button, el } from "../dom";
import { icon } from "./icons";

const live = el("div", { class: "visually-hidden", role: "status", "aria-live": "polite", id: "live-status" });
// A named region, so toasts sit in a landmark like everything else on the page.
const toasts = el("section", { class: "toasts", "aria-live": "off", "aria-label": "Notifications" });

export function mountStatus(parent: HTMLElement): void {
  parent.append(live, toasts);
}

/** Tells screen-reader users what just happened, without moving focus. */
export function announce(message: string): void {
  // Clearing first makes a repeated message be read again.
  live.textContent = "";
  window.setTimeout(() => {
    live.textContent = message;
  }, 40);
}

export type ToastKind = "info" | "success" | "error";

export function toast(message: string, kind: ToastKind = "info", timeoutMs = 6000): void {
  const close = (): void => {
    node.classList.add("leaving");
    window.setTimeout(() => node.remove(), 200);
  };
  const node = el(
    "div",
    { class: `toast toast-${kind}`, role: kind === "error" ? "alert" : undefined },
    el("span", { class: "toast-text" }, message),
    button(icon("close"), close, { class: "icon-button toast-close", "aria-label": "Dismiss" }),
  );
  toasts.append(node);
  if (kind !== "error") announce(message);
  window.setTimeout(close, kind === "error" ? timeoutMs * 2 : timeoutMs);
}
