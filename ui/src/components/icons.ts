// Line icons drawn here, so no image or font has to be fetched (the CSP allows none remote).
import { svg } from "../dom";

const PATHS = {
  library: ["M4 4.5h4v15H4z", "M10 4.5h4v15h-4z", "M16.2 5.3l3.1-.8 3.2 14.6-3.1.8z"],
  compare: ["M3.5 5h7v14h-7z", "M13.5 5h7v14h-7z", "M6 9h2.5", "M6 12h2.5", "M16 9h2.5", "M16 12h2.5", "M16 15h2.5"],
  search: ["M10.5 4a6.5 6.5 0 1 1 0 13a6.5 6.5 0 1 1 0-13z", "M15.3 15.3L20.5 20.5"],
  report: ["M6 3h8.5L19 7.5V21H6z", "M14 3v5h5", "M9 12h7", "M9 15.5h7", "M9 9h3"],
  swap: ["M4 8h15", "M15 4l4 4-4 4", "M20 16H5", "M9 12l-4 4 4 4"],
  up: ["M6 15l6-6 6 6"],
  down: ["M6 9l6 6 6-6"],
  close: ["M6 6l12 12", "M18 6L6 18"],
  back: ["M19 12H5", "M11 6l-6 6 6 6"],
  add: ["M12 5v14", "M5 12h14"],
  warning: ["M12 3.5l9.5 16.5h-19z", "M12 10v4.5", "M12 17.3v.2"],
  keyboard: ["M3 6.5h18v11H3z", "M6.5 10h1", "M10 10h1", "M13.5 10h1", "M17 10h.5", "M7.5 14h9"],
  list: ["M9 6h11", "M9 12h11", "M9 18h11", "M4.5 6h.5", "M4.5 12h.5", "M4.5 18h.5"],
  upload: ["M12 15V4", "M7.5 8.5L12 4l4.5 4.5", "M4 14v5.5h16V14"],
  trash: ["M4 7h16", "M9.5 7V4.5h5V7", "M6.5 7l1 13h9l1-13", "M10 11v5.5", "M14 11v5.5"],
  external: ["M14 4h6v6", "M20 4l-9 9", "M18 14v6H4V6h6"],
  check: ["M5 12.5l4.5 4.5L19 7.5"],
  print: ["M7 9V3.5h10V9", "M7 17H4.5V9h15v8H17", "M7 13.5h10V21H7z"],
  download: ["M12 4v11", "M7.5 10.5L12 15l4.5-4.5", "M4 19.5h16"],
} as const;

export type IconName = keyof typeof PATHS;

export function icon(name: IconName, extraClass = ""): SVGElement {
  return svg(
    "svg",
    {
      class: `icon ${extraClass}`.trim(),
      viewBox: "0 0 24 24",
      width: "20",
      height: "20",
      fill: "none",
      stroke: "currentColor",
      "stroke-width": "1.8",
      "stroke-linecap": "round",
      "stroke-linejoin": "round",
      "aria-hidden": "true",
      focusable: "false",
    },
    ...PATHS[name].map((d) => svg("path", { d })),
  );
}
