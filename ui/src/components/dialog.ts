// Modal dialogs on the native <dialog> element: it traps focus, closes on Escape and restores
// focus by itself.
import { button, el, type Child } from "../dom";

export function confirmDialog(options: {
  title: string;
  body: Child[];
  confirm: string;
  danger?: boolean;
}): Promise<boolean> {
  return new Promise((resolve) => {
    let answer = false;
    const dialog = el(
      "dialog",
      { class: "dialog", "aria-labelledby": "confirm-title" },
      el("h2", { id: "confirm-title", class: "dialog-title" }, options.title),
      el("div", { class: "dialog-body" }, ...options.body),
      el(
        "div",
        { class: "dialog-actions" },
        button("Cancel", () => dialog.close(), { class: "btn btn-secondary", autofocus: true }),
        button(options.confirm, () => {
          answer = true;
          dialog.close();
        }, { class: options.danger ? "btn btn-danger" : "btn" }),
      ),
    );
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** Closes the topmost open dialog; true when there was one. */
export function closeTopDialog(): boolean {
  const open = [...document.querySelectorAll<HTMLDialogElement>("dialog[open]")];
  const top = open[open.length - 1];
  if (!top) return false;
  top.close();
  return true;
}
