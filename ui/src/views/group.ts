// An authority among its ten statistical neighbours, or a region: each member's latest
// inspection in each round as a table, a small chart of how the group's overall grades fall
// round by round, and where the authority stands at a date people choose.
import * as api from "../api";
import type { AuthorityGroup } from "../bindings/AuthorityGroup";
import type { GroupKind } from "../bindings/GroupKind";
import type { GroupMember } from "../bindings/GroupMember";
import type { RoundCount } from "../bindings/RoundCount";
import type { RoundResult } from "../bindings/RoundResult";
import { DOMAINS, FRAMEWORKS, GRADES, ROUNDS } from "../bindings/vocabulary";
import { gradeBadge } from "../components/grade";
import { icon } from "../components/icons";
import { loadingView } from "../components/loading";
import { pageHead } from "../components/page-head";
import { button, el, fill, svg } from "../dom";
import { formatDate, plural, yearLabel } from "../format";
import { navigate, type Route, type View } from "../router";
import { selectAuthority } from "../state";

/** Today as "YYYY-MM-DD", the date the group stands at unless people choose another. */
function today(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function createGroupView(): View {
  const root = el("section", { class: "view view-group", "aria-labelledby": "group-title" });
  const show = loadingView(root);

  function open(kind: GroupKind, name: string, at: string): Promise<void> {
    return show(`${kind}|${name}|${at}`, {
      message: `Gathering ${name}’s ${kind === "region" ? "region" : "neighbours"}…`,
      errorTitle: "The comparison could not be made",
      load: () => api.authorityGroup(kind, name, at),
      draw: (group) => render(group, name),
      // Another date for the group shown: the table stays until the new one is drawn.
      keepDrawn: root.querySelector(".group-table") !== null,
    });
  }

  function render(g: AuthorityGroup, asked: string): void {
    const subject = g.subject;
    const dateInput = el("input", { type: "date", id: "group-at", value: g.at, max: "2100-12-31", min: "2009-01-01" });
    dateInput.addEventListener("change", () => {
      if (dateInput.value) navigate({ view: "group", kind: g.kind, name: asked, at: dateInput.value }, { remember: false });
    });
    const other: GroupKind = g.kind === "region" ? "neighbours" : "region";
    const switchTo = subject
      ? button(
          [icon("compare"), other === "region" ? `All of ${g.region}` : `${subject}’s statistical neighbours`],
          () => navigate({ view: "group", kind: other, name: subject, at: g.at }),
          { class: "btn btn-secondary", id: "group-switch" },
        )
      : null;

    fill(
      root,
      pageHead({
        eyebrow: g.kind === "region" ? "Region" : "Statistical neighbours",
        title: g.title,
        titleId: "group-title",
        sub:
          g.kind === "neighbours"
            ? "The DfE’s ten statistical neighbours, nearest first: each one’s latest inspection in each round."
            : `Every council of ${g.region}: each one’s latest inspection in each round.`,
        actions: el("div", { class: "group-actions" }, el("label", { for: "group-at" }, "Standing on"), dateInput, switchTo),
      }),
      ...g.notes.map((n) => el("p", { class: "notice notice-info group-note" }, n)),
      standing(g),
      g.rounds.length ? chart(g) : null,
      table(g),
      missing(g),
    );
  }

  function standing(g: AuthorityGroup): HTMLElement | null {
    const subject = g.members.find((m) => m.subject);
    if (!subject) return null;
    const when = formatDate(g.at);
    if (!subject.at_date) {
      return el("section", { class: "group-standing", "aria-labelledby": "standing-title" }, el("h2", { id: "standing-title" }, `Where ${subject.name} stands on ${when}`), el("p", { class: "muted" }, `No inspection of ${subject.name} on or before this date is in your library.`));
    }
    const own = subject.at_date;
    return el(
      "section",
      { class: "group-standing", "aria-labelledby": "standing-title" },
      el("h2", { id: "standing-title" }, `Where ${subject.name} stands on ${when}`),
      el("p", { class: "muted" }, `By each authority’s latest inspection on or before that date; ${subject.name}’s is the ${FRAMEWORKS[own.framework].label}${own.date ? `, ${formatDate(own.date)}` : ""}.`),
      g.standing.length
        ? el(
            "ul",
            { class: "standing-list" },
            ...g.standing.map((s) =>
              el(
                "li",
                { class: "standing-row", "data-domain": s.domain },
                el("span", { class: "standing-domain" }, DOMAINS[s.domain]),
                gradeBadge(GRADES[s.grade].label, s.grade, { short: true, size: "small" }),
                el("strong", { class: "standing-place" }, `${s.same.length ? "joint " : ""}${ordinal(s.place)} of ${s.of}`),
                el("span", { class: "standing-detail" }, [s.better.length ? `better: ${s.better.join(", ")}` : null, s.same.length ? `the same: ${plural(s.same.length, "authority", "authorities")}` : null, s.worse.length ? `below: ${plural(s.worse.length, "authority", "authorities")}` : null].filter(Boolean).join(" · ")),
              ),
            ),
          )
        : el("p", { class: "muted" }, "No other authority of the group has an inspection graded in the same areas by this date."),
    );
  }

  function chart(g: AuthorityGroup): HTMLElement {
    // One bar per round: how many members had each overall grade. Words beside every bar say
    // the same, so the chart reads without colour.
    const barW = 360;
    const rowH = 30;
    const labelW = 250;
    const width = labelW + barW + 130;
    const height = g.round_counts.length * rowH + 8;
    const max = Math.max(1, ...g.round_counts.map((c) => c.by_rank.reduce((a, b) => a + b, 0) + c.no_overall));
    const rows = g.round_counts.map((c, n) => bar(c, n * rowH + 4, labelW, barW / max, g.subject));
    const described = g.round_counts.map((c) => countWords(c)).join(". ");
    return el(
      "figure",
      { class: "group-chart" },
      svg("svg", { viewBox: `0 0 ${width} ${height}`, width: String(width), height: String(height), role: "img", "aria-label": `Overall grades by round: ${described}.` }, ...rows),
      el("figcaption", { class: "muted" }, "Overall grades of the group’s inspections, round by round", g.subject ? ` (▲ marks ${g.subject})` : "", ". Since the 2026 reform inspections give no overall grade."),
    );
  }

  function bar(c: RoundCount, y: number, x0: number, unit: number, subject: string | null): SVGElement {
    const parts: SVGElement[] = [svg("text", { x: "0", y: String(y + 16), class: "chart-label" }, ROUNDS[c.round])];
    let x = x0;
    c.by_rank.forEach((count, i) => {
      if (count === 0) return;
      const w = count * unit;
      parts.push(svg("rect", { x: String(x), y: String(y), width: String(w), height: "20", class: `chart-seg chart-g${i + 1}` }, svg("title", {}, `${count} ${rankWord(i + 1)}`)));
      if (c.subject_rank === i + 1 && subject) parts.push(svg("text", { x: String(x + w / 2), y: String(y + 15), class: "chart-subject", "text-anchor": "middle" }, "▲"));
      x += w;
    });
    if (c.no_overall > 0) {
      const w = c.no_overall * unit;
      parts.push(svg("rect", { x: String(x), y: String(y), width: String(w), height: "20", class: "chart-seg chart-none" }, svg("title", {}, `${c.no_overall} with no overall grade`)));
      x += w;
    }
    parts.push(svg("text", { x: String(x + 8), y: String(y + 15), class: "chart-count" }, countWords(c, true)));
    return svg("g", { class: "chart-row" }, ...parts);
  }

  function table(g: AuthorityGroup): HTMLElement {
    const head = el("tr", {}, el("th", { scope: "col" }, g.kind === "neighbours" ? "Authority (nearest first)" : "Authority"), ...g.rounds.map((r) => el("th", { scope: "col" }, ROUNDS[r])), el("th", { scope: "col" }, `On ${formatDate(g.at)}`));
    const rows = g.members.map((m) =>
      el(
        "tr",
        { class: `${m.subject ? "group-subject" : ""}${m.documents === 0 ? " group-missing" : ""}`.trim() || null, "data-member": m.name },
        el(
          "th",
          { scope: "row" },
          m.closeness !== null ? el("span", { class: "closeness", "aria-label": `neighbour ${m.closeness}` }, `${m.closeness}`) : null,
          m.subject
            ? el("strong", {}, m.name)
            : button(m.name, () => navigate({ view: "group", kind: g.kind, name: m.name, at: g.at }), {
                class: "link-button",
                title: g.kind === "neighbours" ? `${m.name}’s own statistical neighbours` : `Where ${m.name} stands in ${g.region}`,
              }),
          m.documents === 0 ? el("span", { class: "missing-flag" }, "No document in your library") : el("span", { class: "member-docs" }, plural(m.documents, "document")),
        ),
        ...m.rounds.map((r) => el("td", {}, cell(r, m))),
        el("td", { class: "group-at-date" }, cell(m.at_date, m)),
      ),
    );
    return el(
      "div",
      { class: "table-scroll" },
      el("table", { class: "data-table group-table" }, el("caption", { class: "visually-hidden" }, `${g.title}: grades by inspection round`), el("thead", {}, head), el("tbody", {}, ...rows)),
    );
  }

  function cell(r: RoundResult | null, m: GroupMember): HTMLElement | string {
    if (!r) return el("span", { class: "muted" }, "—");
    const open = button(yearLabel(r.date), () => {
      selectAuthority(m.name);
      navigate({ view: "report", id: r.inspection_id });
    }, { class: "link-button cell-year", "aria-label": `Open ${m.name}’s ${yearLabel(r.date)} inspection` });
    const grade = r.overall
      ? gradeBadge(GRADES[r.overall].label, r.overall, { short: true, size: "small" })
      : el(
          "ul",
          { class: "cell-grades", "aria-label": "No overall grade; its judgements" },
          ...r.grades.map((d) => el("li", {}, `${DOMAINS[d.domain]}: `, gradeBadge(GRADES[d.grade].label, d.grade, { short: true, size: "small" }))),
        );
    return el(
      "div",
      { class: "group-cell" },
      grade,
      open,
      r.others_in_round > 0 ? el("span", { class: "cell-note" }, `+${plural(r.others_in_round, "other")} this round`) : null,
      r.predecessor ? el("span", { class: "cell-note" }, `as ${r.predecessor}`) : null,
    );
  }

  function missing(g: AuthorityGroup): HTMLElement | null {
    if (g.missing.length === 0) return null;
    return el(
      "p",
      { class: "group-missing-list" },
      el("strong", {}, `Not in your library (${g.missing.length}): `),
      g.missing.join(", "),
      ". Add their reports to compare them here.",
    );
  }

  return {
    root,
    show: (route: Route) => {
      if (route.view === "group") void open(route.kind, route.name, route.at ?? today());
    },
  };
}

function rankWord(rank: number): string {
  return ["outstanding", "good", "requires improvement (or adequate)", "inadequate"][rank - 1] ?? "";
}

function countWords(c: RoundCount, short = false): string {
  const parts = c.by_rank.map((n, i) => (n ? `${n} ${short ? ["O", "G", "RI", "I"][i] : rankWord(i + 1)}` : null)).filter(Boolean);
  if (c.no_overall) parts.push(`${c.no_overall} ${short ? "no overall" : "with no overall grade"}`);
  return short ? parts.join(" · ") : `${ROUNDS[c.round]}: ${parts.join(", ")}`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}
