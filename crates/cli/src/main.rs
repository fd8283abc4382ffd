//! `inspection-compare-cli`: the engine from the command line.
//!
//! A thin adapter: it parses arguments, calls the engine and prints. Errors are one line on
//! stderr naming the file (or library) and the problem, with a non-zero exit.

mod print;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use inspection_engine::render;
use inspection_engine::store::{Library, SearchFilter};
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
        #[arg(long)]
        framework: Option<String>,
        /// Only inspections that started in this year.
        #[arg(long)]
        year: Option<i32>,
        /// At most this many hits.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Remove an inspection and its document from the library.
    Remove { id: i64 },
    /// Re-read every stored document with this version's parser.
    Reparse,
    /// Copy the library to a file (safe while the library is in use).
    Backup { path: PathBuf },
    /// Check every page of the library, the stored files included (SQLite's integrity_check;
    /// opening the library checks all but the stored files).
    Check,
    /// Compare two inspections: files or library ids. The earlier inspection is "before".
    Compare {
        /// A report file or a library inspection id.
        a: String,
        /// A report file or a library inspection id.
        b: String,
        /// Print JSON (same as --format json).
        #[arg(long)]
        json: bool,
        /// Output format: text or json, or a summary for a committee paper as pdf, html, csv
        /// (the judgement table) or md. Defaults to the output file's extension, else text.
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Write to this file instead of standard output (needed for pdf).
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

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
    Pdf,
    Html,
    Csv,
    Md,
}

impl Format {
    /// The engine's summary format, for the formats that render a summary.
    fn summary(self) -> Option<render::Format> {
        match self {
            Format::Text | Format::Json => None,
            Format::Pdf => Some(render::Format::Pdf),
            Format::Html => Some(render::Format::Html),
            Format::Csv => Some(render::Format::Csv),
            Format::Md => Some(render::Format::Markdown),
        }
    }
}

/// The output format a file name asks for.
fn format_of(path: &std::path::Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "json" => Some(Format::Json),
        "txt" => Some(Format::Text),
        other => match render::Format::from_extension(other)? {
            render::Format::Pdf => Some(Format::Pdf),
            render::Format::Html => Some(Format::Html),
            render::Format::Csv => Some(Format::Csv),
            render::Format::Markdown => Some(Format::Md),
        },
    }
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
    Ok(inspection_engine::read_report(path).map_err(|e| e.to_string()))
}

fn main() -> ExitCode {
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
            eprintln!("inspection-compare-cli: error: {e:#}");
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
    let library = Library::open(&path)?;
    for notice in library.notices() {
        eprintln!("inspection-compare-cli: note: {notice}");
    }
    Ok(library)
}

fn json_out(value: &impl serde::Serialize) -> Result<()> {
    json_to(&mut std::io::stdout().lock(), value)
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
            let report = match inspection_engine::read_report(&file) {
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
            if summary.refused() > 0 {
                return Ok(ExitCode::from(1));
            }
        }
        Command::List { json } => {
            let list = open_library(cli.db)?.list()?;
            if json {
                json_out(&list)?;
            } else {
                print::list(&mut std::io::stdout().lock(), &list)?;
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
            if let Some(f) = &framework {
                anyhow::ensure!(
                    inspection_engine::Framework::from_id(f).is_some(),
                    "unknown framework {f:?}; use one of: {}",
                    inspection_engine::Framework::ALL.map(|f| f.id()).join(", ")
                );
            }
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
            let (updated, failed) =
                library.reparse(|done, total, name, problem| match problem {
                    None => say!("[{done}/{total}] re-read {name}"),
                    Some(p) => say!("[{done}/{total}] kept the earlier reading of {name}: {p}"),
                })?;
            eprintln!("{updated} re-read, {failed} kept as they were");
            if failed > 0 {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Check => {
            let library = open_library(cli.db)?;
            let answer = library.integrity_check()?;
            if answer != "ok" {
                anyhow::bail!(
                    "library {} is damaged ({answer}); copy it somewhere safe with `backup`, then move it aside: a new library will be started",
                    library.path().display()
                );
            }
            say!("library {}: ok", library.path().display());
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
                            "inspection-compare-cli: error: {}: cannot tell the format from the file name; add --format pdf, html, csv, md, json or text",
                            path.display()
                        );
                        return Ok(ExitCode::from(2));
                    }
                },
                (false, None, None) => Format::Text,
            };
            if format == Format::Pdf && output.is_none() {
                eprintln!("inspection-compare-cli: error: a PDF needs a file: add -o FILE.pdf");
                return Ok(ExitCode::from(2));
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
            let bytes = match format.summary() {
                Some(summary_format) => {
                    let summary = render::Summary::new(&comparison, &render::made_now());
                    render::render(&summary, summary_format)?
                }
                None if format == Format::Json => {
                    let mut bytes = Vec::new();
                    json_to(&mut bytes, &comparison)?;
                    bytes
                }
                None => {
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
