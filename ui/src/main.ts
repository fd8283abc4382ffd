// Builds the window, wires the menu, drag and drop and shortcuts, and runs start-up.
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import * as api from "./api";
import { FORMAT_ORDER } from "./bindings/vocabulary";
import { icon, type IconName } from "./components/icons";
import { mountStatus, toast } from "./components/status";
import { button, el } from "./dom";
import { MOD, plural } from "./format";
import { back, currentView, initRouter, navigate, onNavigate, registerView, type Route, type ViewName } from "./router";
import { installShortcuts, mountShortcutsDialog, setAbout, showShortcuts } from "./shortcuts";
import { inspectionById, inspectionName, noteLibraryCheck, onLibraryChange, refreshLibrary } from "./state";
import { createCompareView } from "./views/compare";
import { hidePanel, importPaths, isImportPanelOpen, mountImportPanel, offerUnfinished, showOutcomes } from "./views/import";
import { createLibraryView } from "./views/library";
import { mountPrintSheet } from "./views/print";
import { createReportView } from "./views/report";
import { createSearchView } from "./views/search";
import { createGroupView } from "./views/group";
import { createTrackerView } from "./views/tracker";

performance.mark("script-start");
const app = document.querySelector<HTMLDivElement>("#app");
if (!app) throw new Error("missing #app");

// ---- Shell ----

const main = el("main", { id: "main", class: "main", tabindex: "-1" });
initRouter(main);

function tab(id: string, label: string, iconName: IconName, route: () => Route, shortcut: string | null): HTMLButtonElement {
  return button([icon(iconName), el("span", { class: "tab-label" }, label)], () => navigate(route()), {
    id,
    class: "tab",
    title: shortcut ? `${label} (${shortcut})` : label,
  });
}

const navLibrary = tab("nav-library", "Library", "library", () => ({ view: "library" }), `${MOD}+1`);
const navCompare = tab("nav-compare", "Compare", "compare", () => ({ view: "compare" }), `${MOD}+2`);
const navSearch = tab("nav-search", "Search", "search", () => ({ view: "search", focus: true }), `${MOD}+F`);
let lastReport: number | null = null;
const navReport = tab("nav-report", "Report", "report", () => ({ view: "report", id: lastReport ?? 0 }), null);
navReport.hidden = true;
let lastTracker: string | null = null;
const navTracker = tab("nav-tracker", "Tracker", "list", () => ({ view: "tracker", authority: lastTracker ?? "" }), null);
navTracker.hidden = true;
let lastGroup: Route | null = null;
const navGroup = tab("nav-group", "Neighbours", "library", () => lastGroup ?? { view: "library" }, null);
navGroup.hidden = true;
const tabs: Record<ViewName, HTMLButtonElement> = { library: navLibrary, compare: navCompare, search: navSearch, report: navReport, tracker: navTracker, group: navGroup };

const topbar = el(
  "header",
  { class: "topbar" },
  el("div", { class: "brand" }, el("span", { class: "brand-mark", "aria-hidden": "true" }, el("span", {}), el("span", {})), el("span", { class: "brand-name" }, "Inspection Compare")),
  el("nav", { class: "tabs", "aria-label": "Main" }, navLibrary, navCompare, navSearch, navReport, navTracker, navGroup),
  el(
    "div",
    { class: "topbar-end" },
    el("span", { class: "add-hint" }, icon("add"), "Add reports: drop them here or press ", el("kbd", {}, MOD), el("kbd", {}, "O")),
    button(icon("keyboard"), () => showShortcuts(), { class: "icon-button", id: "shortcuts-button", "aria-label": "Keyboard shortcuts", title: "Keyboard shortcuts (?)" }),
  ),
);

const dropOverlay = el(
  "div",
  { class: "drop-overlay", hidden: true, "aria-hidden": "true" },
  el(
    "div",
    { class: "drop-card" },
    icon("upload", "drop-icon"),
    el("p", { class: "drop-title" }, "Drop reports or folders to add them to your library"),
    el("p", { class: "drop-sub" }, "PDF, text or saved web pages of Ofsted children’s services inspections"),
  ),
);

const libraryView = createLibraryView();
const compareView = createCompareView(main);
const searchView = createSearchView();
const reportView = createReportView(main);
const trackerView = createTrackerView();
const groupView = createGroupView();
registerView("library", libraryView);
registerView("compare", compareView);
registerView("search", searchView);
registerView("report", reportView);
registerView("tracker", trackerView);
registerView("group", groupView);
main.append(libraryView.root, compareView.root, searchView.root, reportView.root, trackerView.root, groupView.root);

app.append(el("a", { class: "skip-link", href: "#main" }, "Skip to content"), topbar, main, dropOverlay);
mountImportPanel(document.body);
mountShortcutsDialog(document.body);
mountStatus(document.body);
mountPrintSheet(document.body);

const TITLES: Record<ViewName, string> = { library: "Library", compare: "Compare", search: "Search", report: "Report", tracker: "Recommendation tracker", group: "Neighbours and regions" };

onNavigate((route) => {
  for (const [name, node] of Object.entries(tabs)) {
    if (name === route.view) node.setAttribute("aria-current", "page");
    else node.removeAttribute("aria-current");
  }
  if (route.view === "report") {
    lastReport = route.id;
    updateReportTab();
  }
  if (route.view === "tracker") {
    lastTracker = route.authority;
    navTracker.hidden = false;
    const label = navTracker.querySelector(".tab-label");
    if (label) label.textContent = `${route.authority} tracker`;
  }
  if (route.view === "group") {
    lastGroup = route;
    navGroup.hidden = false;
    const label = navGroup.querySelector(".tab-label");
    if (label) label.textContent = route.kind === "region" ? "Region" : `${route.name} neighbours`;
  }
  document.title = `${TITLES[route.view]} — Inspection Compare`;
});

function updateReportTab(): void {
  const inspection = lastReport !== null ? inspectionById(lastReport) : undefined;
  navReport.hidden = !inspection;
  const label = navReport.querySelector(".tab-label");
  if (label && inspection) label.textContent = inspectionName(inspection);
}

// ---- Shortcuts, menu, drag and drop ----

/** Printing and exporting are of a comparison: from another view, go there first. */
function inCompareView(action: () => void): void {
  if (currentView() !== "compare") navigate({ view: "compare" });
  action();
}

installShortcuts({
  library: () => navigate({ view: "library" }),
  compare: () => navigate({ view: "compare" }),
  search: () => {
    navigate({ view: "search", focus: true });
    searchView.focusInput();
  },
  back,
  inCompare: () => currentView() === "compare" && compareView.hasComparison(),
  nextChange: () => compareView.nextChange(),
  previousChange: () => compareView.previousChange(),
  toggleChangesOnly: () => compareView.toggleChangesOnly(),
  swap: () => compareView.swap(),
  print: () => inCompareView(() => compareView.print()),
  closeOverlay: () => {
    if (!dropOverlay.hidden) {
      dropOverlay.hidden = true;
      return true;
    }
    if (isImportPanelOpen()) {
      hidePanel();
      return true;
    }
    return false;
  },
});

async function wireEvents(): Promise<void> {
  await listen<string>("menu", (event) => {
    switch (event.payload) {
      case "view-library":
        navigate({ view: "library" });
        break;
      case "view-compare":
        navigate({ view: "compare" });
        break;
      case "view-search":
        navigate({ view: "search", focus: true });
        searchView.focusInput();
        break;
      case "shortcuts":
        showShortcuts();
        break;
      case "print":
        inCompareView(() => compareView.print());
        break;
      default: {
        // Export items are "export-" and a format's id (src-tauri/menu.rs makes one per format).
        const format = FORMAT_ORDER.find((f) => event.payload === `export-${f}`);
        if (format) inCompareView(() => compareView.exportAs(format));
      }
    }
  });
  // File → Open sends the chosen paths; they are imported exactly like a drop.
  await listen<string[]>("import-paths", (event) => importPaths(event.payload));
  await getCurrentWebview().onDragDropEvent((event) => {
    const payload = event.payload;
    if (payload.type === "enter" || payload.type === "over") {
      dropOverlay.hidden = false;
    } else if (payload.type === "leave") {
      dropOverlay.hidden = true;
    } else {
      dropOverlay.hidden = true;
      importPaths(payload.paths);
    }
  });
}

// ---- Start-up ----

async function start(): Promise<void> {
  navigate({ view: "library" }, { remember: false });
  performance.mark("shell-drawn");
  try {
    await wireEvents();
    performance.mark("events-wired");
  } catch (e) {
    // Outside the app (e.g. a plain browser) there is no event system; the views still work.
    console.warn("events unavailable:", e);
  }
  void api
    .appInfo()
    .then((info) => setAbout(`Inspection Compare ${info.version}. Your library: ${info.library_path}`))
    .catch(() => undefined);

  const loaded = refreshLibrary();
  let comparisonMs: number | null = null;
  try {
    const startup = await api.startup();
    performance.mark("startup-answered");
    // A damaged library moved aside, or an upgrade with a backup: people must know where it is.
    for (const notice of startup.library_notices) toast(notice, "info", 30000);
    // An import stopped by a cancel or a crash: offered again, unless files given at launch
    // are being shown in the panel.
    if (startup.unfinished_import && startup.outcomes.length === 0) offerUnfinished(startup.unfinished_import);
    // Launched with two reports: their comparison is what people asked to see.
    if (startup.compare) {
      const [a, b] = startup.compare;
      const asked = performance.now();
      navigate({ view: "compare", a, b }, { remember: false });
      await compareView.settled();
      performance.mark("compare-settled");
      comparisonMs = performance.now() - asked;
    }
    const refused = startup.outcomes.some((o) => o.status === "refused");
    if (startup.compare && !refused) {
      // Both read and their comparison is open: a note is enough; a panel would cover it.
      await refreshLibrary();
      const added = startup.outcomes.filter((o) => o.status === "imported").length;
      toast(added > 0 ? `Added ${plural(added, "report")} to your library` : "Both reports were already in your library");
    } else if (startup.outcomes.length > 0) {
      await showOutcomes(startup.outcomes);
    }
  } catch (e) {
    toast(`The files given at start-up could not be read: ${api.errorMessage(e)}`, "error");
  }
  await loaded;
  performance.mark("library-loaded");
  updateReportTab();
  // After the next frame is painted, people can use what they see.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const marks: Record<string, number> = {};
  for (const mark of performance.getEntriesByType("mark")) marks[mark.name] = Math.round(mark.startTime);
  marks["ready"] = Math.round(performance.now());
  void api.uiReady(comparisonMs, marks).catch(() => undefined);
  // The whole check of the library runs now that people can work, off the start path; what it
  // finds is said, and a damaged library (moved aside, a new one started) is shown afresh.
  try {
    const check = await api.checkLibrary();
    if (check.notice) {
      toast(check.notice, "error", 60000);
      noteLibraryCheck("damaged: moved aside, a new library started");
      await refreshLibrary();
    } else {
      noteLibraryCheck("checked: no damage found");
    }
  } catch (e) {
    toast(`The library could not be checked: ${api.errorMessage(e)}`, "error");
  }
}

// The report tab names the report, so it follows the library (a removal hides it).
onLibraryChange(updateReportTab);

void start();
