// What the compare view's parts agree on when they talk to each other.

/** The two sides of a comparison, as the pickers, the table and the text name them. */
export type Side = "before" | "after";

/** Shows the paragraph that states a grade: in the text side by side, or in the report. */
export type ShowEvidence = (which: Side, paragraph: number) => void;

/**
 * The changes of the text comparison being built: each change row joins `rows` in reading
 * order, and a click on it makes it the current change.
 */
export interface ChangeRows {
  readonly rows: HTMLElement[];
  pick(row: HTMLElement): void;
}
