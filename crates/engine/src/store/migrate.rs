//! The schema: SQL migrations embedded from `migrations/`, version in `PRAGMA user_version`.

use rusqlite_migration::{Migrations, M};
use std::sync::LazyLock;
use std::time::Duration;

pub(super) static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(vec![
        M::up(include_str!("migrations/0001_initial.sql")),
        M::up_with_hook(
            include_str!("migrations/0002_library_events.sql"),
            pause_for_crash_tests,
        )
        .down("DROP TABLE library_events;"),
        M::up(include_str!("migrations/0003_letters.sql")).down(
            "ALTER TABLE recommendations DROP COLUMN responsible_body;
             ALTER TABLE recommendations DROP COLUMN national_framework_outcome;
             ALTER TABLE recommendations DROP COLUMN national_framework_ref;
             ALTER TABLE recommendations DROP COLUMN priority;
             ALTER TABLE inspections DROP COLUMN outcome_rank;
             ALTER TABLE inspections DROP COLUMN outcome;
             ALTER TABLE inspections DROP COLUMN focus;
             ALTER TABLE inspections DROP COLUMN letter_date;",
        ),
        M::up(include_str!("migrations/0004_authority_choices.sql"))
            .down("DROP TABLE authority_choices;"),
        M::up(include_str!("migrations/0005_tracker.sql")).down("DROP TABLE tracker_statuses;"),
        M::up(include_str!("migrations/0006_imports.sql")).down("DROP TABLE imports;"),
    ])
});

/// The schema version the migrations lead to.
pub const SCHEMA_VERSION: usize = 6;

/// Lets the crash tests kill the process while a migration's transaction is open (the variable
/// is never set otherwise): they prove that a killed migration leaves the old library intact.
fn pause_for_crash_tests(_: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    if let Some(ms) = std::env::var_os("INSPECTION_COMPARE_TEST_MIGRATION_PAUSE_MS") {
        let ms = ms.to_string_lossy().parse().unwrap_or(0);
        std::thread::sleep(Duration::from_millis(ms));
    }
    Ok(())
}

/// The migrations, for tests that validate them.
pub fn migrations() -> &'static Migrations<'static> {
    &MIGRATIONS
}
