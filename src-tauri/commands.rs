//! Tauri commands. Each validates its input, runs the engine on a blocking thread (reads take
//! the shared library connection; imports open their own, so reads go on meanwhile) and maps
//! errors to a [`CommandError`] `{kind, message}`.

use inspection_engine::compare::{AuthorityGroup, Comparison, GroupKind, Tracker};
use inspection_engine::model::Date;
use inspection_engine::model::TrackerStatus;
use inspection_engine::render::{self, Summary};
use inspection_engine::store::{
    AuthorityRow, ImportOutcome, ImportSummary, InspectionSummary, Library, SearchFilter,
    SearchHit, Soundness, StoreError, StoredInspection, UnfinishedImport,
};
use inspection_engine::worker::WorkerCommand;
use inspection_engine::{ErrorKind, FileError, Framework};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tauri::ipc::Channel;
use tauri::{Manager, State};
use tauri_plugin_dialog::DialogExt;

pub struct AppState {
    pub library: Mutex<Library>,
    pub library_path: PathBuf,
    pub startup_files: Vec<PathBuf>,
    /// What became of the files given at launch, once imported.
    pub startup: Mutex<Option<Startup>>,
    /// When the process started, for `--measure-startup`.
    pub started: std::time::Instant,
    pub measure_startup: bool,
    /// The stop flag of the import under way, set by `cancel_import`; each import has its own,
    /// so a Cancel meant for one never stops (or is cleared by) the next.
    pub import_stop: Mutex<Option<Arc<AtomicBool>>>,
}

/// An error as the UI receives it: a stable kind and a sentence for people.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CommandError {
    pub kind: ErrorKind,
    pub message: String,
}

impl CommandError {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        CommandError {
            kind,
            message: message.into(),
        }
    }
}

impl From<FileError> for CommandError {
    fn from(e: FileError) -> Self {
        CommandError::new(e.kind(), e.to_string())
    }
}

impl From<StoreError> for CommandError {
    fn from(e: StoreError) -> Self {
        // The engine says what went wrong; what to do about it is the app's to say.
        let hint = match &e {
            StoreError::NoSuchInspection(_) => " (it may have been removed: reload the library)",
            StoreError::NoDataDir => {
                " (start the app with --db PATH to choose where the library is kept)"
            }
            _ => "",
        };
        CommandError::new(e.kind(), format!("{e}{hint}"))
    }
}

impl From<inspection_engine::GroupFailure> for CommandError {
    fn from(e: inspection_engine::GroupFailure) -> Self {
        match e {
            inspection_engine::GroupFailure::Store(e) => e.into(),
            e => CommandError::new(e.kind(), e.to_string()),
        }
    }
}

impl From<render::RenderError> for CommandError {
    fn from(e: render::RenderError) -> Self {
        CommandError::new(e.kind(), e.to_string())
    }
}

type Result<T> = std::result::Result<T, CommandError>;

/// A connection of its own for an import, reading every document in a worker process (this
/// binary started again, `inspection_engine::worker`): a document that crashes or hangs a
/// parser is refused, and the window and the rest of the import carry on.
fn importing_library(path: &std::path::Path) -> Result<Library> {
    let mut library = Library::open(path)?;
    let command = WorkerCommand::this_binary().map_err(|e| {
        CommandError::new(
            ErrorKind::WorkerUnavailable,
            format!("the document reader could not be found ({e}); reinstall the app"),
        )
    })?;
    library.read_in_workers(command);
    Ok(library)
}

/// Runs engine work off the main thread.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| {
            CommandError::new(
                ErrorKind::Internal,
                format!("the work stopped unexpectedly: {e}"),
            )
        })?
}

/// The app's own connection to the library.
fn locked(state: &AppState) -> Result<std::sync::MutexGuard<'_, Library>> {
    state.library.lock().map_err(|_| {
        CommandError::new(
            ErrorKind::Internal,
            "the library is unavailable after an earlier failure; restart the app",
        )
    })
}

fn with_library<T>(
    app: &tauri::AppHandle,
    work: impl FnOnce(&Library) -> std::result::Result<T, StoreError>,
) -> Result<T> {
    let state = app.state::<AppState>();
    let library = locked(&state)?;
    Ok(work(&library)?)
}

#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub library_path: String,
}

#[tauri::command]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        library_path: state.library_path.display().to_string(),
    }
}

/// The files given at launch, imported, and the pair to compare when there were two.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Startup {
    pub outcomes: Vec<ImportOutcome>,
    /// Inspection ids to compare (earlier first), when two files were given and both read.
    #[ts(type = "[number, number] | null")]
    pub compare: Option<(i64, i64)>,
    /// What happened to the library as it opened (recovered from damage, upgraded with a
    /// backup): sentences to show.
    pub library_notices: Vec<String>,
    /// An import that stopped before its end (cancelled, or the app stopped): to resume.
    pub unfinished_import: Option<UnfinishedImport>,
}

/// Imports the launch files once and tells the UI what to show first.
#[tauri::command]
pub async fn startup(app: tauri::AppHandle) -> Result<Startup> {
    blocking(move || {
        let state = app.state::<AppState>();
        let mut done = state.startup.lock().map_err(|_| {
            CommandError::new(
                ErrorKind::Internal,
                "start-up failed earlier; restart the app",
            )
        })?;
        if let Some(startup) = done.as_ref() {
            return Ok(startup.clone());
        }
        let mut library = importing_library(&state.library_path)?;
        let summary = library.import(&state.startup_files, |_| {})?;
        let ids: Vec<i64> = summary
            .outcomes
            .iter()
            .filter_map(|o| match o.status {
                inspection_engine::store::ImportStatus::Imported { inspection_id }
                | inspection_engine::store::ImportStatus::AlreadyPresent { inspection_id } => {
                    Some(inspection_id)
                }
                _ => None,
            })
            .collect();
        let compare = match ids.as_slice() {
            [a, b] if a != b => Some((*a, *b)),
            _ => None,
        };
        let library_notices = state
            .library
            .lock()
            .map(|l| l.notices().to_vec())
            .unwrap_or_default();
        let startup = Startup {
            outcomes: summary.outcomes,
            compare,
            library_notices,
            // Not knowing of an unfinished import must not stop the app showing itself.
            unfinished_import: library.unfinished_import().unwrap_or_else(|e| {
                eprintln!("inspection-compare: could not look for an unfinished import: {e}");
                None
            }),
        };
        *done = Some(startup.clone());
        Ok(startup)
    })
    .await
}

#[tauri::command]
pub async fn list_inspections(app: tauri::AppHandle) -> Result<Vec<InspectionSummary>> {
    blocking(move || with_library(&app, Library::list)).await
}

/// Authorities with inspections in the library, or every authority of the list with `all`
/// (to choose one for a report whose authority could not be told).
#[tauri::command]
pub async fn list_authorities(
    app: tauri::AppHandle,
    all: Option<bool>,
) -> Result<Vec<AuthorityRow>> {
    blocking(move || with_library(&app, |l| l.authorities(all.unwrap_or(false)))).await
}

#[tauri::command]
pub async fn get_inspection(app: tauri::AppHandle, id: i64) -> Result<StoredInspection> {
    blocking(move || with_library(&app, |l| l.inspection(id))).await
}

#[tauri::command]
pub async fn search(
    app: tauri::AppHandle,
    query: String,
    authority: Option<String>,
    framework: Option<String>,
    year: Option<i32>,
) -> Result<Vec<SearchHit>> {
    if query.len() > 1000 {
        return Err(CommandError::new(
            ErrorKind::InvalidInput,
            "the search is too long (at most 1,000 characters)",
        ));
    }
    let framework = match framework.filter(|f| !f.is_empty()) {
        None => None,
        Some(id) => Some(Framework::from_id(&id).ok_or_else(|| {
            CommandError::new(
                ErrorKind::InvalidInput,
                format!("there is no framework {id:?} to search in"),
            )
        })?),
    };
    let filter = SearchFilter {
        authority: authority.filter(|a| !a.is_empty()),
        framework,
        year,
        limit: 100,
    };
    blocking(move || with_library(&app, |l| l.search(&query, &filter))).await
}

/// Progress of an import, sent after every file.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ImportEvent {
    pub done: usize,
    pub total: usize,
    pub outcome: ImportOutcome,
}

/// Imports dropped or opened files and folders. Paths come from the OS (drop event or file
/// dialog) and are read here in Rust: the webview has no file-system access.
#[tauri::command]
pub async fn import_paths(
    app: tauri::AppHandle,
    paths: Vec<String>,
    on_progress: Channel<ImportEvent>,
) -> Result<ImportSummary> {
    if paths.is_empty()
        || paths.len() > 10_000
        || paths.iter().any(|p| p.is_empty() || p.len() > 4096)
    {
        return Err(CommandError::new(
            ErrorKind::InvalidInput,
            "give between 1 and 10,000 file or folder paths",
        ));
    }
    let state = app.state::<AppState>();
    let path = state.library_path.clone();
    let stop = Arc::new(AtomicBool::new(false));
    if let Ok(mut current) = state.import_stop.lock() {
        *current = Some(stop.clone());
    }
    blocking(move || {
        // Its own connection: the app's reads continue while this writes.
        let mut library = importing_library(&path)?;
        let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
        Ok(library.import_until(
            &paths,
            |p| {
                let _ = on_progress.send(ImportEvent {
                    done: p.done,
                    total: p.total,
                    outcome: p.outcome.clone(),
                });
            },
            &stop,
        )?)
    })
    .await
}

/// Stops the import under way after the document being stored; it stays unfinished in the
/// library, to be resumed.
#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) {
    if let Some(stop) = state.import_stop.lock().ok().and_then(|c| c.clone()) {
        stop.store(true, Ordering::Relaxed);
    }
}

/// Forgets an unfinished import people chose not to resume (what it stored stays).
#[tauri::command]
pub async fn dismiss_import(app: tauri::AppHandle, id: i64) -> Result<()> {
    let path = app.state::<AppState>().library_path.clone();
    blocking(move || Ok(Library::open(&path)?.dismiss_import(id)?)).await
}

/// What the whole check of the library (every page, run after the window is drawn, off the
/// start path) found.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct LibraryCheck {
    pub sound: bool,
    /// When damaged: where it was moved and that a new library was started.
    pub notice: Option<String>,
}

/// Checks every page of the library on a connection of its own while people work; a damaged
/// library is moved aside (never deleted) and a new one started, as at open.
#[tauri::command]
pub async fn check_library(app: tauri::AppHandle) -> Result<LibraryCheck> {
    blocking(move || {
        let state = app.state::<AppState>();
        let Soundness::Damaged(found) = inspection_engine::store::check_whole(&state.library_path)?
        else {
            return Ok(LibraryCheck {
                sound: true,
                notice: None,
            });
        };
        let mut library = locked(&state)?;
        // The app's connection closes before the file is moved.
        *library = Library::open_in_memory()?;
        match Library::recover(&state.library_path, &found) {
            Ok(recovered) => *library = recovered,
            Err(e) => {
                // Not moved (e.g. no permission to rename): keep working on it as it is, and say.
                *library = Library::open(&state.library_path)?;
                return Err(e.into());
            }
        }
        Ok(LibraryCheck {
            sound: false,
            notice: library.notices().first().cloned(),
        })
    })
    .await
}

/// An authority's statistical neighbours, or a region, standing at `at` (today when absent).
#[tauri::command]
pub async fn authority_group(
    app: tauri::AppHandle,
    kind: GroupKind,
    name: String,
    subject: Option<String>,
    at: Option<Date>,
) -> Result<AuthorityGroup> {
    if name.len() > 200 || subject.as_ref().is_some_and(|s| s.len() > 200) {
        return Err(CommandError::new(
            ErrorKind::InvalidInput,
            "an authority or region name is at most 200 characters",
        ));
    }
    let at = at.unwrap_or_else(Date::today);
    blocking(move || {
        let state = app.state::<AppState>();
        let library = locked(&state)?;
        let group =
            inspection_engine::authority_group(&library, kind, &name, subject.as_deref(), at)?;
        Ok(group)
    })
    .await
}

/// Compares two stored inspections; the earlier is "before" unless `keep_order`.
#[tauri::command]
pub async fn compare_inspections(
    app: tauri::AppHandle,
    a: i64,
    b: i64,
    keep_order: Option<bool>,
) -> Result<Comparison> {
    blocking(move || compare(&app, a, b, keep_order.unwrap_or(false))).await
}

#[tauri::command]
pub async fn remove_inspection(app: tauri::AppHandle, id: i64) -> Result<()> {
    let path = app.state::<AppState>().library_path.clone();
    blocking(move || Ok(Library::open(&path)?.remove(id)?)).await
}

/// Files an inspection under an authority of the list, remembered for its document. Returns
/// the authority's name.
#[tauri::command]
pub async fn choose_authority(app: tauri::AppHandle, id: i64, authority: String) -> Result<String> {
    let path = app.state::<AppState>().library_path.clone();
    blocking(move || Ok(Library::open(&path)?.choose_authority(id, &authority)?)).await
}

/// The recommendation tracker of an authority.
#[tauri::command]
pub async fn authority_tracker(app: tauri::AppHandle, authority: String) -> Result<Tracker> {
    blocking(move || {
        with_library(&app, |l| {
            inspection_engine::authority_tracker(l, &authority)
        })
    })
    .await
}

/// Records (or clears, with no status) a tracker status and note for an item.
#[tauri::command]
pub async fn set_tracker_status(
    app: tauri::AppHandle,
    id: i64,
    key: String,
    status: Option<TrackerStatus>,
    note: String,
) -> Result<()> {
    let path = app.state::<AppState>().library_path.clone();
    blocking(move || Ok(Library::open(&path)?.set_tracker_status(id, &key, status, &note)?)).await
}

/// Exports an authority's tracker to a file people choose (PDF, CSV, Markdown or HTML).
#[tauri::command]
pub async fn export_tracker(
    app: tauri::AppHandle,
    authority: String,
    format: String,
) -> Result<Option<String>> {
    let format = match render::Format::from_id(&format) {
        Some(
            f @ (render::Format::Pdf
            | render::Format::Csv
            | render::Format::Markdown
            | render::Format::Html),
        ) => f,
        _ => {
            return Err(CommandError::new(
                ErrorKind::InvalidInput,
                format!("cannot export the tracker as {format:?}: choose pdf, csv, md or html"),
            ))
        }
    };
    blocking(move || {
        let tracker = with_library(&app, |l| {
            inspection_engine::authority_tracker(l, &authority)
        })?;
        save_as(
            &app,
            "Export the tracker",
            &format!("{authority} recommendation tracker"),
            format,
            || render::render_tracker(&authority, &tracker, format, &render::made_now()),
        )
    })
    .await
}

/// The one-page summary of a comparison, for the print view.
#[tauri::command]
pub async fn comparison_summary(
    app: tauri::AppHandle,
    a: i64,
    b: i64,
    keep_order: Option<bool>,
) -> Result<Summary> {
    blocking(move || summary(&app, a, b, keep_order.unwrap_or(false))).await
}

/// Exports the summary of a comparison to a file people choose in a save dialog (opened from
/// Rust: the webview has no file-system access). Returns the path written, or `None` when the
/// dialog was cancelled.
#[tauri::command]
pub async fn export_comparison(
    app: tauri::AppHandle,
    a: i64,
    b: i64,
    keep_order: Option<bool>,
    format: String,
) -> Result<Option<String>> {
    let format = render::Format::from_id(&format).ok_or_else(|| {
        CommandError::new(
            ErrorKind::InvalidInput,
            format!(
                "cannot export as {format:?}: choose {}",
                render::Format::ids()
            ),
        )
    })?;
    blocking(move || {
        let summary = summary(&app, a, b, keep_order.unwrap_or(false))?;
        save_as(
            &app,
            "Export the summary",
            &format!(
                "{} {}-{} inspections compared",
                summary.authority, summary.before.year, summary.after.year
            ),
            format,
            || render::render(&summary, format),
        )
    })
    .await
}

/// Asks where to save a file (a native dialog, run from Rust: the webview has no file-system
/// access) and writes what `make` makes there, whole; `None` when the dialog was cancelled.
fn save_as(
    app: &tauri::AppHandle,
    title: &str,
    name: &str,
    format: render::Format,
    make: impl FnOnce() -> std::result::Result<Vec<u8>, render::RenderError>,
) -> Result<Option<String>> {
    let suggested = format!("{name}.{}", format.extension()).replace(['/', '\\', ':'], " ");
    let Some(path) = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(&suggested)
        .add_filter(format.label(), format.extensions())
        .blocking_save_file()
    else {
        return Ok(None);
    };
    let path = path.into_path().map_err(|e| {
        CommandError::new(
            ErrorKind::InvalidInput,
            format!("that location cannot be written: {e}"),
        )
    })?;
    render::write_file(&path, &make()?)?;
    Ok(Some(path.display().to_string()))
}

/// The summary of the comparison shown, made now.
fn summary(app: &tauri::AppHandle, a: i64, b: i64, keep_order: bool) -> Result<Summary> {
    Ok(Summary::new(
        &compare(app, a, b, keep_order)?,
        &render::made_now(),
    ))
}

fn compare(app: &tauri::AppHandle, a: i64, b: i64, keep_order: bool) -> Result<Comparison> {
    let (ra, rb) = with_library(app, |l| {
        Ok((l.inspection(a)?.report, l.inspection(b)?.report))
    })?;
    Ok(if keep_order {
        inspection_engine::compare::compare_in_order(&ra, &rb, false)
    } else {
        inspection_engine::compare::compare(&ra, &rb)
    })
}

/// The UI is drawn and usable (with the launch comparison shown, when there was one). Under
/// `--measure-startup` this prints the times as one JSON line and quits; otherwise it only
/// tells the UI it was heard.
#[tauri::command]
pub fn ui_ready(
    app: tauri::AppHandle,
    comparison_ms: Option<f64>,
    marks: std::collections::BTreeMap<String, f64>,
) {
    let state = app.state::<AppState>();
    let ready_ms = state.started.elapsed().as_secs_f64() * 1000.0;
    let comparison_ms = comparison_ms.filter(|ms| ms.is_finite() && *ms >= 0.0);
    if state.measure_startup {
        println!(
            "{}",
            serde_json::json!({
                "ready_ms": ready_ms,
                "comparison_ms": comparison_ms,
                // Page-side marks, in ms since the page began loading.
                "page_marks": marks,
            })
        );
        app.exit(0);
    }
}
