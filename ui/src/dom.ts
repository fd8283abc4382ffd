// Builds DOM nodes. Report text is only ever set as text content, never parsed as HTML.
export type Child = Node | string | number | null | undefined | false;
export type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue>;

// Event-handler and style attributes are refused: the CSP forbids inline handlers and inline
// styles, and refusing them here keeps a slip from becoming a silent CSP violation.
function setAttrs(node: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    const lower = name.toLowerCase();
    if (lower.startsWith("on") || lower === "style") {
      throw new Error(`el(): attribute "${name}" is not allowed`);
    }
    node.setAttribute(name, value === true ? "" : String(value));
  }
}

function appendChildren(node: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  appendChildren(node, children);
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** SVG elements, for the app's own icons (never for report data). */
export function svg(tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  appendChildren(node, children);
  return node as SVGElement;
}

/** Replaces all children of `node`. */
export function fill(node: Element, ...children: Child[]): void {
  node.replaceChildren();
  appendChildren(node, children);
}

/** A <button type="button"> with a click handler. */
export function button(
  content: Child | Child[],
  onClick: (event: MouseEvent) => void,
  attrs: Attrs = {},
): HTMLButtonElement {
  const parts = Array.isArray(content) ? content : [content];
  const b = el("button", { type: "button", ...attrs }, ...parts);
  b.addEventListener("click", onClick);
  return b;
}

/** Whether the user asked the system for less motion. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** Scrolls a node into the middle of its scroll container. */
export function scrollToNode(node: Element, block: ScrollLogicalPosition = "center"): void {
  node.scrollIntoView({ block, behavior: prefersReducedMotion() ? "auto" : "smooth" });
}

/** Briefly highlights a node (the CSS animation runs once per added class). */
export function flash(node: Element): void {
  node.classList.remove("flash");
  // Force a style flush so re-adding the class restarts the animation.
  void (node as HTMLElement).offsetWidth;
  node.classList.add("flash");
  window.setTimeout(() => node.classList.remove("flash"), 2600);
}

/** Whether a keyboard event comes from somewhere people type. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "reset", "range"].includes(target.type);
  }
  return false;
}
