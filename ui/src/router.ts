// Which view is showing. Views stay in the DOM when hidden, so a comparison or a search keeps
// its state and scroll position when people look at something else and come back.
import type { GroupKind } from "./bindings/GroupKind";

export type Route =
  | { view: "library" }
  | { view: "compare"; a?: number; b?: number; keepOrder?: boolean }
  | { view: "search"; focus?: boolean }
  | { view: "report"; id: number; paragraph?: number; highlight?: string[] }
  | { view: "tracker"; authority: string }
  | { view: "group"; kind: GroupKind; name: string; at?: string };

export type ViewName = Route["view"];

export interface View {
  root: HTMLElement;
  /** Called every time the view is shown; the route says what to show. */
  show(route: Route): void;
  hide?(): void;
}

const views = new Map<ViewName, View>();
const scrollTops = new Map<ViewName, number>();
const history: Route[] = [];
const listeners = new Set<(route: Route) => void>();
let current: Route | null = null;
let scroller: HTMLElement | null = null;

export function initRouter(scrollContainer: HTMLElement): void {
  scroller = scrollContainer;
}

export function registerView(name: ViewName, view: View): void {
  views.set(name, view);
  view.root.hidden = true;
}

export function onNavigate(listener: (route: Route) => void): void {
  listeners.add(listener);
}

export function currentRoute(): Route | null {
  return current;
}

export function currentView(): ViewName | null {
  return current?.view ?? null;
}

export function canGoBack(): boolean {
  return history.length > 0;
}

export function navigate(route: Route, options: { remember?: boolean } = {}): void {
  const previous = current;
  if (previous && scroller) scrollTops.set(previous.view, scroller.scrollTop);
  if (previous && options.remember !== false && !sameRoute(previous, route)) {
    history.push(previous);
    if (history.length > 50) history.shift();
  }
  current = route;
  for (const [name, view] of views) {
    const active = name === route.view;
    if (!active && !view.root.hidden) view.hide?.();
    view.root.hidden = !active;
  }
  if (scroller && previous?.view !== route.view) scroller.scrollTop = scrollTops.get(route.view) ?? 0;
  views.get(route.view)?.show(route);
  for (const listener of listeners) listener(route);
}

export function back(): void {
  const route = history.pop();
  if (route) navigate(stripTargets(route), { remember: false });
}

/** Going back shows the view as it was left, without jumping to an old target again. */
function stripTargets(route: Route): Route {
  switch (route.view) {
    case "report":
      return { view: "report", id: route.id };
    case "compare":
      return { view: "compare" };
    case "search":
      return { view: "search" };
    default:
      return route;
  }
}

function sameRoute(a: Route, b: Route): boolean {
  if (a.view !== b.view) return false;
  if (a.view === "report" && b.view === "report") return a.id === b.id;
  if (a.view === "tracker" && b.view === "tracker") return a.authority === b.authority;
  if (a.view === "group" && b.view === "group") return a.kind === b.kind && a.name === b.name;
  return true;
}
