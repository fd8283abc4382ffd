//! `inspection-compare-cli`: the engine from the command line.
//!
//! A thin adapter: it parses arguments, calls the engine and prints. Errors are one line on
//! stderr naming the file (or library) and the problem, with a non-zero exit.

mod print;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use inspection_engine::compare::{GroupError, GroupKind};
use inspection_engine::render;
use inspection_engine::store::{ImportStatus, Library, SearchFilter, Soundness, StoreError};
use inspection_engine::worker::{Worker, WorkerCommand};
use inspection_engine::GroupFailure;
use inspection_engine::{FileError, Framework, Report};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "inspection-compare-cli",
    version,
    about = "Read, store and compare Ofsted children's services inspection reports"
)]
struct Cli {
    /// The library database (default: the app's data folder, shared with the desktop app).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read one report (PDF, text or HTML) and print what was extracted.
    Extract {
        file: PathBuf,
        /// Print one JSON object instead of a readable summary.
        #[arg(long)]
        json: bool,
    },
    /// Import reports (files or folders, searched recursively) into the library.
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print the outcomes as a JSON array instead of one line per file.
        #[arg(long)]
        json: bool,
    },
    /// List the inspections in the library.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one inspection of the library.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Search every paragraph of every report in the library.
    Search {
        /// Words to find; "quote" a phrase.
        query: String,
        /// Only this authority.
        #[arg(long)]
        authority: Option<String>,
        /// Only this framework (e.g. ilacs-2018).
        #[arg(long, value_parser = framework_arg)]
        framework: Option<Framework>,
        /// Only inspections that started in this year.
        #[arg(long)]
        year: Option<i32>,
        /// At most this many hits.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// File an inspection under an authority of the list, for a report whose authority could
    /// not be told (or was told wrong); remembered for its document, through re-reads.
    Assign {
        id: i64,
        /// The authority's name, code or Ofsted URN (`authorities --all` lists them).
        authority: String,
    },
    /// The recommendation tracker of an authority: every item of its documents, what each later
    /// document shows about it (a suggestion), and the statuses recorded.
    Tracker {
        /// The authority, as `authorities` lists it.
        authority: String,
        /// text (the default), json, pdf, csv, md or html; defaults to the output file's
        /// extension.
        #[arg(long)]
        format: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Record a tracker status and note for an item of an inspection (kept through reparse,
    /// removal and re-import).
    Status {
        /// The inspection (or letter) id.
        id: i64,
        /// The item's number in that document's list, as `tracker` shows it.
        item: usize,
        /// not_started, in_progress, addressed, not_agreed, or none to clear it.
        status: String,
        /// A note to keep with it.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Remove an inspection and its document from the library.
    Remove { id: i64 },
    /// Re-read every stored document with this version's parser.
    Reparse,
    /// Copy the library to a file (safe while the library is in use).
    Backup { path: PathBuf },
    /// Check every page of the library, the stored files and the search index included
    /// (SQLite's integrity_check; opening checks only the schema and the small tables, so its
    /// cost does not grow with the library).
    Check {
        /// When it is damaged, move it aside (never deleted) and start a new library. Close
        /// the app and any other import first: they would go on writing to the moved file.
        #[arg(long)]
        recover: bool,
    },
    /// An authority and its ten statistical neighbours: each one's grades at each inspection
    /// round, and where the authority stands among them at a date.
    Neighbours {
        /// The authority's name, code or Ofsted URN.
        authority: String,
        /// Stand at this date (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE")]
        at: Option<inspection_engine::model::Date>,
        #[arg(long)]
        json: bool,
    },
    /// Every authority of a region, round by round (a region's name, or an authority's to use
    /// its region and place it among them).
    Region {
        /// A region ("East of England") or an authority of it.
        region: String,
        /// Stand at this date (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE")]
        at: Option<inspection_engine::model::Date>,
        #[arg(long)]
        json: bool,
    },
    /// Compare two inspections: files or library ids. The earlier inspection is "before".
    Compare {
        /// A report file or a library inspection id.
        a: String,
        /// A report file or a library inspection id.
        b: String,
        /// Print JSON (same as --format json).
        #[arg(long)]
        json: bool,
        /// Output format: text or json, or a summary for a committee paper as pdf, docx (Word),
        /// html, csv (the judgement table) or md. Defaults to the output file's extension, else
        /// text.
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Write to this file instead of standard output (needed for pdf and docx).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Keep A as "before" and B as "after" even if B is earlier.
        #[arg(long)]
        keep_order: bool,
    },
    /// List the authorities with inspections in the library.
    Authorities {
        /// Include authorities with no inspections.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
}

/// What `compare` prints: the comparison as text or JSON, or a summary in one of the engine's
/// formats (their ids, names and extensions come from `render::Format`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Summary(render::Format),
}

impl clap::ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        static ALL: std::sync::LazyLock<Vec<Format>> = std::sync::LazyLock::new(|| {
            [Format::Text, Format::Json]
                .into_iter()
                .chain(render::Format::ALL.map(Format::Summary))
                .collect()
        });
        &ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        use clap::builder::PossibleValue;
        Some(match self {
            Format::Text => PossibleValue::new("text").help("The comparison, readable"),
            Format::Json => PossibleValue::new("json").help("The whole comparison as JSON"),
            Format::Summary(f) => PossibleValue::new(f.id()).help(f.label()),
        })
    }
}

/// The output format a file name asks for.
fn format_of(path: &std::path::Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "json" => Some(Format::Json),
        "txt" => Some(Format::Text),
        other => render::Format::from_extension(other).map(Format::Summary),
    }
}

/// `--framework`: a framework id, checked against the engine's list.
fn framework_arg(id: &str) -> std::result::Result<Framework, String> {
    Framework::from_id(id).ok_or_else(|| {
        format!(
            "unknown framework {id:?}; use one of: {}",
            Framework::ALL.map(|f| f.id()).join(", ")
        )
    })
}

/// An error and its causes in one line, each cause once: the engine's errors already say their
/// cause in their own sentence ("library X: database or disk is full"), so a cause whose words
/// are there is not said again.
fn describe(error: &anyhow::Error) -> String {
    let mut line = error.to_string();
    for cause in error.chain().skip(1) {
        let cause = cause.to_string();
        if !line.contains(&cause) {
            line = format!("{line}: {cause}");
        }
    }
    line
}

/// What to do about a library error, in this tool's terms (the engine's messages give no
/// advice specific to one front end).
fn hint(error: &anyhow::Error) -> Option<&'static str> {
    let store = match error.downcast_ref::<GroupFailure>() {
        Some(GroupFailure::Group(GroupError::NoSuchAuthority(_))) => {
            return Some("`authorities --all` lists every authority")
        }
        Some(GroupFailure::Group(GroupError::NoSuchRegion(_))) => {
            return Some("give a region as `authorities --all` shows it, or an authority of it")
        }
        Some(GroupFailure::Store(e)) => e,
        None => error.downcast_ref::<StoreError>()?,
    };
    match store {
        StoreError::NoSuchInspection(_) => Some("`list` shows the inspections and their ids"),
        StoreError::NoSuchAuthority(_) => Some("`authorities --all` lists every authority"),
        StoreError::NoDataDir => Some("give the library's path with --db"),
        _ => None,
    }
}

/// An authority's neighbours or a region, standing at `at` (today when not given), as JSON or
/// readable text.
fn show_group(
    db: Option<PathBuf>,
    kind: GroupKind,
    wanted: &str,
    at: Option<inspection_engine::model::Date>,
    json: bool,
) -> Result<()> {
    let library = open_library(db)?;
    let at = at.unwrap_or_else(inspection_engine::model::Date::today);
    let group = inspection_engine::authority_group(&library, kind, wanted, None, at)?;
    if json {
        return json_out(&group);
    }
    print::group(&mut std::io::stdout().lock(), &group)?;
    Ok(())
}

/// A report from a file, or from the library when the argument is an inspection id.
fn resolve(
    arg: &str,
    db: &Option<PathBuf>,
    library: &mut Option<Library>,
) -> Result<Result<inspection_engine::Report, String>> {
    let path = std::path::Path::new(arg);
    if !path.exists() {
        if let Ok(id) = arg.parse::<i64>() {
            if library.is_none() {
                *library = Some(open_library(db.clone())?);
            }
            let library = library.as_ref().expect("opened above");
            return Ok(Ok(library.inspection(id)?.report));
        }
    }
    Ok(read_report(path)?.map_err(|e| e.to_string()))
}

/// Reads a report file in a worker process (`inspection_engine::worker`): a parser that aborts
/// or hangs on it costs a refusal, not this command.
fn read_report(path: &std::path::Path) -> Result<Result<Report, FileError>> {
    Ok(Worker::new(worker_command()?).read_file(path))
}

/// This program started again as a document reader.
fn worker_command() -> Result<WorkerCommand> {
    WorkerCommand::this_binary().context("finding this program to start a reader")
}

fn main() -> ExitCode {
    if WorkerCommand::is_this_process() {
        return ExitCode::from(u8::try_from(inspection_engine::worker::serve()).unwrap_or(2));
    }
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // A reader that stops early (`| head`) is not an error.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            match hint(&e) {
                Some(hint) => eprintln!("inspection-compare-cli: error: {} ({hint})", describe(&e)),
                None => eprintln!("inspection-compare-cli: error: {}", describe(&e)),
            }
            ExitCode::from(2)
        }
    }
}

/// Prints a line, ignoring a closed stdout (the summary on stderr still tells the result).
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}
pub(crate) use say;

fn open_library(db: Option<PathBuf>) -> Result<Library> {
    let path = match db {
        Some(path) => path,
        None => Library::default_path()?,
    };
    let mut library = Library::open(&path)?;
    library.read_in_workers(worker_command()?);
    for notice in library.notices() {
        eprintln!("inspection-compare-cli: note: {notice}");
    }
    Ok(library)
}

fn json_out(value: &impl serde::Serialize) -> Result<()> {
    // Buffered: stdout flushes at every line, and pretty JSON of a national library has
    // hundreds of thousands (a write each, 117 ms for `list --json` of 3,000 documents).
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    json_to(&mut out, value)?;
    out.flush()?;
    Ok(())
}

/// The JSON every command prints: pretty, with a final newline.
fn json_to(out: &mut impl Write, value: &impl serde::Serialize) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract { file, json } => {
            let report = match read_report(&file)? {
                Ok(report) => report,
                Err(e) => {
                    eprintln!("inspection-compare-cli: error: {e}");
                    return Ok(ExitCode::from(1));
                }
            };
            if json {
                json_out(&report)?;
            } else {
                print::report(&mut std::io::stdout().lock(), &report)?;
            }
        }
        Command::Import { paths, json } => {
            let mut library = open_library(cli.db)?;
            if let Some(earlier) = library.unfinished_import()? {
                let asked: Vec<PathBuf> = paths
                    .iter()
                    .map(|p| inspection_engine::store::absolute(p))
                    .collect();
                if earlier.paths == asked {
                    eprintln!("inspection-compare-cli: note: resuming the import begun {} ({} of {} files stored); stored files are recognised by their content and not parsed again", earlier.started_at, earlier.stored, earlier.files);
                } else {
                    let names: Vec<String> = earlier
                        .paths
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect();
                    eprintln!("inspection-compare-cli: note: an import of {} begun {} stopped before its end; import the same again to resume it", names.join(", "), earlier.started_at);
                }
            }
            let summary = library.import(&paths, |p| {
                if !json {
                    print::import_line(p.outcome);
                }
            })?;
            if json {
                json_out(&summary.outcomes)?;
            }
            eprintln!(
                "{} imported, {} already in the library, {} refused",
                summary.imported(),
                summary.already_present(),
                summary.refused()
            );
            // Never a made-up authority: one the reader could not tell is asked for.
            let added: std::collections::HashSet<i64> = summary
                .outcomes
                .iter()
                .filter_map(|o| match o.status {
                    ImportStatus::Imported { inspection_id } => Some(inspection_id),
                    _ => None,
                })
                .collect();
            for unknown in library
                .list()?
                .into_iter()
                .filter(|i| !i.authority_known && added.contains(&i.id))
            {
                eprintln!(
                    "which authority? inspection {} ({}) names {:?}, which is not on the list of authorities: file it with `assign {} AUTHORITY`",
                    unknown.id, unknown.file_name, unknown.local_authority_as_printed, unknown.id
                );
            }
            if summary.refused() > 0 {
                return Ok(ExitCode::from(1));
            }
        }
        Command::List { json } => {
            let list = open_library(cli.db)?.list()?;
            if json {
                json_out(&list)?;
            } else {
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                print::list(&mut out, &list)?;
                out.flush()?;
            }
        }
        Command::Show { id, json } => {
            let inspection = open_library(cli.db)?.inspection(id)?;
            if json {
                json_out(&inspection)?;
            } else {
                let mut out = std::io::stdout().lock();
                writeln!(out, "Inspection {id} ({})", inspection.summary.file_name)?;
                print::report(&mut out, &inspection.report)?;
            }
        }
        Command::Search {
            query,
            authority,
            framework,
            year,
            limit,
            json,
        } => {
            let filter = SearchFilter {
                authority,
                framework,
                year,
                limit,
            };
            let hits = open_library(cli.db)?.search(&query, &filter)?;
            if json {
                json_out(&hits)?;
            } else {
                print::hits(&mut std::io::stdout().lock(), &hits)?;
            }
        }
        Command::Assign { id, authority } => {
            let name = open_library(cli.db)?.choose_authority(id, &authority)?;
            say!("inspection {id} is filed under {name}");
        }
        Command::Tracker {
            authority,
            format,
            output,
        } => {
            let format = format
                .or_else(|| {
                    output
                        .as_ref()
                        .and_then(|p| p.extension())
                        .map(|e| e.to_string_lossy().to_ascii_lowercase())
                })
                .unwrap_or_else(|| "text".into());
            let library = open_library(cli.db)?;
            let tracker = inspection_engine::authority_tracker(&library, &authority)?;
            if tracker.documents.is_empty() {
                eprintln!("inspection-compare-cli: error: no document of {authority:?} is in the library; `authorities` lists those that are");
                return Ok(ExitCode::from(1));
            }
            let made = render::made_now();
            let bytes = match format.as_str() {
                "json" => serde_json::to_vec_pretty(&tracker)?,
                "text" | "txt" => {
                    render::render_tracker(&authority, &tracker, render::Format::Markdown, &made)?
                }
                other => {
                    match render::Format::from_extension(other) {
                        Some(render::Format::Pdf) if output.is_none() => {
                            eprintln!("inspection-compare-cli: error: a PDF needs a file: add -o FILE.pdf");
                            return Ok(ExitCode::from(2));
                        }
                        Some(
                            f @ (render::Format::Pdf
                            | render::Format::Csv
                            | render::Format::Markdown
                            | render::Format::Html),
                        ) => render::render_tracker(&authority, &tracker, f, &made)?,
                        _ => {
                            eprintln!("inspection-compare-cli: error: the tracker is written as text, json, pdf, csv, md or html, not {other:?}");
                            return Ok(ExitCode::from(2));
                        }
                    }
                }
            };
            match output {
                Some(path) => render::write_file(&path, &bytes)?,
                None => std::io::stdout().lock().write_all(&bytes)?,
            }
        }
        Command::Status {
            id,
            item,
            status,
            note,
        } => {
            let recorded = match status.as_str() {
                "none" => None,
                id_ => match inspection_engine::model::TrackerStatus::from_id(id_) {
                    Some(s) => Some(s),
                    None => {
                        eprintln!("inspection-compare-cli: error: {status:?} is not a status: give not_started, in_progress, addressed, not_agreed or none");
                        return Ok(ExitCode::from(2));
                    }
                },
            };
            if recorded.is_none() && !note.trim().is_empty() {
                eprintln!("inspection-compare-cli: error: a note is kept with a status: give one, or no --note to clear it");
                return Ok(ExitCode::from(2));
            }
            let mut library = open_library(cli.db)?;
            let stored = library.inspection(id)?;
            let single = inspection_engine::compare::track(&[(id, &stored.report)]);
            let Some(tracked) = item.checked_sub(1).and_then(|i| single.items.get(i)) else {
                eprintln!(
                    "inspection-compare-cli: error: inspection {id} has {} items; give a number from 1 to {}",
                    single.items.len(),
                    single.items.len()
                );
                return Ok(ExitCode::from(2));
            };
            library.set_tracker_status(id, &tracked.key, recorded, &note)?;
            say!(
                "inspection {id}, item {item}: {}",
                recorded.map_or("status cleared", |s| s.label())
            );
        }
        Command::Remove { id } => {
            let mut library = open_library(cli.db)?;
            let summary = library.inspection(id)?.summary;
            library.remove(id)?;
            say!(
                "removed inspection {id}: {} {} ({})",
                summary.local_authority,
                summary.framework,
                summary.file_name
            );
        }
        Command::Reparse => {
            let mut library = open_library(cli.db)?;
            let (updated, failed) = library.reparse(|p| {
                let (done, total, name) = (p.done, p.total, &p.outcome.file_name);
                match &p.outcome.problem {
                    None => say!("[{done}/{total}] re-read {name}"),
                    Some(problem) => {
                        say!("[{done}/{total}] kept the earlier reading of {name}: {problem}")
                    }
                }
            })?;
            eprintln!("{updated} re-read, {failed} kept as they were");
            if failed > 0 {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Check { recover } => {
            let library = open_library(cli.db)?;
            let path = library.path().to_path_buf();
            // Every page and each index against its table, read once.
            let Soundness::Damaged(found) = inspection_engine::store::check_thoroughly(&path)?
            else {
                say!("library {}: ok", path.display());
                return Ok(ExitCode::SUCCESS);
            };
            if !recover {
                anyhow::bail!(
                    "library {} is damaged ({found}); copy it somewhere safe with `backup`, then run `check --recover` with the app closed: it is moved aside and a new library started",
                    path.display()
                );
            }
            drop(library); // closed before the file is moved
            let recovered = Library::recover(&path, &found)?;
            for notice in recovered.notices() {
                eprintln!("inspection-compare-cli: note: {notice}");
            }
            return Ok(ExitCode::from(1));
        }
        Command::Neighbours {
            authority,
            at,
            json,
        } => show_group(cli.db, GroupKind::Neighbours, &authority, at, json)?,
        // An authority's name picks it out among its region's.
        Command::Region { region, at, json } => {
            show_group(cli.db, GroupKind::Region, &region, at, json)?
        }
        Command::Backup { path } => {
            let library = open_library(cli.db)?;
            library
                .backup(&path)
                .with_context(|| format!("backing up to {}", path.display()))?;
            say!(
                "backed up {} to {}",
                library.path().display(),
                path.display()
            );
        }
        Command::Compare {
            a,
            b,
            json,
            format,
            output,
            keep_order,
        } => {
            let format = match (json, format, &output) {
                (true, _, _) => Format::Json,
                (false, Some(format), _) => format,
                (false, None, Some(path)) => match format_of(path) {
                    Some(format) => format,
                    None => {
                        eprintln!(
                            "inspection-compare-cli: error: {}: cannot tell the format from the file name; add --format {}, json or text",
                            path.display(),
                            render::Format::ids()
                        );
                        return Ok(ExitCode::from(2));
                    }
                },
                (false, None, None) => Format::Text,
            };
            if let (Format::Summary(summary), None) = (format, &output) {
                if summary.is_binary() {
                    eprintln!(
                        "inspection-compare-cli: error: a {} needs a file: add -o FILE.{}",
                        summary.label(),
                        summary.extension()
                    );
                    return Ok(ExitCode::from(2));
                }
            }
            let mut library = None;
            let mut reports = Vec::new();
            for arg in [&a, &b] {
                match resolve(arg, &cli.db, &mut library)? {
                    Ok(report) => reports.push(report),
                    Err(message) => {
                        eprintln!("inspection-compare-cli: error: {message}");
                        return Ok(ExitCode::from(1));
                    }
                }
            }
            let comparison = if keep_order {
                inspection_engine::compare::compare_in_order(&reports[0], &reports[1], false)
            } else {
                inspection_engine::compare::compare(&reports[0], &reports[1])
            };
            let bytes = match format {
                Format::Summary(summary_format) => {
                    let summary = render::Summary::new(&comparison, &render::made_now());
                    render::render(&summary, summary_format)?
                }
                Format::Json => {
                    let mut bytes = Vec::new();
                    json_to(&mut bytes, &comparison)?;
                    bytes
                }
                Format::Text => {
                    let mut bytes = Vec::new();
                    print::comparison(&mut bytes, &comparison)?;
                    bytes
                }
            };
            match output {
                Some(path) => {
                    if let Err(e) = render::write_file(&path, &bytes) {
                        eprintln!("inspection-compare-cli: error: {e}");
                        return Ok(ExitCode::from(1));
                    }
                }
                None => std::io::stdout().lock().write_all(&bytes)?,
            }
        }
        Command::Authorities { all, json } => {
            let authorities = open_library(cli.db)?.authorities(all)?;
            if json {
                json_out(&authorities)?;
            } else {
                let mut out = std::io::stdout().lock();
                for a in &authorities {
                    writeln!(
                        out,
                        "{:<40} {:<10} {:<26} {:>3} inspections",
                        a.name, a.la_code_new, a.region, a.inspections
                    )?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_says_each_cause_once() {
        let folder = StoreError::Folder {
            path: "/media/full".into(),
            source: std::io::Error::other("no space left on device"),
        };
        let said = describe(&anyhow::Error::new(folder));
        assert_eq!(said.matches("no space left on device").count(), 1, "{said}");
        let wrapped = anyhow::Error::new(std::io::Error::other("inner")).context("outer");
        assert_eq!(describe(&wrapped), "outer: inner");
    }
}
