-- Schema version 3: letters and joint reports (focused and monitoring visits, JTAIs, area
-- SEND), post-reform ILACS, and the facts printed with each item.
ALTER TABLE inspections ADD COLUMN letter_date TEXT;
ALTER TABLE inspections ADD COLUMN focus TEXT;
-- An area SEND inspection's outcome as printed, and its rank (1 positive … 3 failings).
ALTER TABLE inspections ADD COLUMN outcome TEXT;
ALTER TABLE inspections ADD COLUMN outcome_rank INTEGER;
-- Priority actions are kept apart from the other items: they call for an action plan.
ALTER TABLE recommendations ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
-- "(Outcome 3, national framework)" → "Outcome 3" and 3, on ILACS items since 2025.
ALTER TABLE recommendations ADD COLUMN national_framework_ref TEXT;
ALTER TABLE recommendations ADD COLUMN national_framework_outcome INTEGER;
-- Who must act on an area SEND item.
ALTER TABLE recommendations ADD COLUMN responsible_body TEXT;
