// The recommendation tracker of one authority: every item of its documents in date order,
// what each later document shows about it (the engine's suggestion, said as such), and the
// status and note the committee records, kept in the library.
import * as api from "../api";
import type { LaterEvidence } from "../bindings/LaterEvidence";
import type { TrackedItem } from "../bindings/TrackedItem";
import type { Tracker } from "../bindings/Tracker";
import type { TrackerStatus } from "../bindings/TrackerStatus";
import { ITEM_KINDS, TRACKER_STATUSES, TRACKER_STATUS_ORDER } from "../bindings/vocabulary";
import { icon } from "../components/icons";
import { loadingView } from "../components/loading";
import { pageHead } from "../components/page-head";
import { toast } from "../components/status";
import { button, el, fill } from "../dom";
import { formatDate, plural, yearLabel } from "../format";
import { navigate, type Route, type View } from "../router";

export function createTrackerView(): View {
  const root = el("section", { class: "view view-tracker", "aria-label": "Recommendation tracker" });
  // Coming back to the authority shown (after following a page link) keeps what people were
  // typing; a change to the library makes it read afresh.
  const show = loadingView(root);

  function open(authority: string): Promise<void> {
    return show(authority, {
      message: `Following ${authority}’s recommendations…`,
      errorTitle: "The tracker could not be made",
      load: () => api.authorityTracker(authority),
      draw: (tracker) => render(authority, tracker),
    });
  }

  function render(authority: string, t: Tracker): void {
    const docName = (d: number): string => {
      const doc = t.documents[d];
      return doc ? `${yearLabel(doc.inspection_start)} ${doc.framework_label}` : "";
    };
    const shows = (e: LaterEvidence): HTMLElement => {
      const name = docName(e.document);
      if (e.raised_again !== null) {
        return el("li", { class: "later later-again" }, el("strong", {}, `${name}: raised again`), el("span", {}, ` “${e.raised_again}”`));
      }
      if (e.discussed.length === 0) {
        return el("li", { class: "later later-none" }, `${name}: no paragraph found that speaks to it`);
      }
      return el(
        "li",
        { class: "later later-discussed" },
        el("strong", {}, `${name}: discussed (suggested)`),
        ...e.discussed.map((d) =>
          el(
            "blockquote",
            { class: "rec-quote" },
            `“${d.quote}” `,
            button(`p. ${d.page}`, () => navigate({ view: "report", id: t.documents[e.document]?.id ?? 0, paragraph: d.paragraph }), {
              class: "link-button",
              "aria-label": `Open p. ${d.page} of the ${name}`,
            }),
          ),
        ),
      );
    };

    const exportMenu = el(
      "div",
      { class: "tracker-export" },
      ...(["pdf", "csv", "md", "html"] as const).map((format) =>
        button([icon("download"), `Export ${format === "md" ? "Markdown" : format.toUpperCase()}`], () => void exportAs(authority, format), {
          class: "btn btn-secondary btn-small",
          "data-format": format,
        }),
      ),
    );

    const sections = t.documents.map((doc, d) => {
      const items = t.items.filter((i) => i.document === d);
      return el(
        "section",
        { class: "tracker-document", "aria-labelledby": `tracker-doc-${d}` },
        el("h2", { id: `tracker-doc-${d}` }, `${doc.framework_label}${doc.inspection_start ? `, ${formatDate(doc.inspection_start)}` : ""}`),
        items.length
          ? el("ol", { class: "tracker-items" }, ...items.map((item) => itemRow(item, doc.id, shows)))
          : el("p", { class: "muted" }, "No recommendations or areas for improvement."),
      );
    });

    fill(
      root,
      pageHead({
        eyebrow: "Recommendation tracker",
        title: authority,
        titleId: "tracker-title",
        sub: `${plural(t.items.length, "item")} from ${plural(t.documents.length, "document")}. What later documents show is the engine’s suggestion from matching items and paragraphs: read them. Statuses and notes are yours, kept in your library.`,
        actions: exportMenu,
      }),
      ...sections,
    );
  }

  function itemRow(item: TrackedItem, inspectionId: number, shows: (e: LaterEvidence) => HTMLElement): HTMLElement {
    const statusId = `status-${inspectionId}-${item.index}`;
    const noteId = `note-${inspectionId}-${item.index}`;
    const select = el(
      "select",
      { id: statusId, class: "picker tracker-status" },
      el("option", { value: "" }, "No status"),
      ...TRACKER_STATUS_ORDER.map((s) => el("option", { value: s }, TRACKER_STATUSES[s])),
    );
    select.value = item.status ?? "";
    const note = el("textarea", { id: noteId, class: "tracker-note", rows: "2" });
    note.value = item.note;
    const save = button("Save", () => void record(), { class: "btn btn-small tracker-save" });

    async function record(): Promise<void> {
      const status = (select.value || null) as TrackerStatus | null;
      if (!status && note.value.trim()) {
        // A note is kept with a status; clearing the status would drop it.
        toast("Choose a status to keep the note with it.", "info");
        select.focus();
        return;
      }
      try {
        await api.setTrackerStatus(inspectionId, item.key, status, note.value);
        toast(status ? `Recorded: ${TRACKER_STATUSES[status]}.` : "Status cleared.", "success");
      } catch (e) {
        toast(api.errorMessage(e), "error");
      }
    }

    return el(
      "li",
      { class: "tracker-item", "data-key": item.key },
      el("p", { class: "tracker-text" }, el("span", { class: "tracker-kind" }, ITEM_KINDS[item.kind]), item.text),
      item.later.length ? el("ul", { class: "tracker-later" }, ...item.later.map(shows)) : el("p", { class: "muted" }, "No later document in the library yet."),
      el(
        "div",
        { class: "tracker-record" },
        el("label", { for: statusId }, "Status"),
        select,
        el("label", { for: noteId }, "Note"),
        note,
        save,
      ),
    );
  }

  async function exportAs(authority: string, format: api.TrackerFormat): Promise<void> {
    try {
      const path = await api.exportTracker(authority, format);
      if (path) toast(`Saved ${path}`, "success");
    } catch (e) {
      toast(api.errorMessage(e), "error");
    }
  }

  return {
    root,
    show: (route: Route) => {
      if (route.view === "tracker") void open(route.authority);
    },
  };
}
