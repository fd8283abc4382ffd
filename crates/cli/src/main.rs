//! `inspection-compare-cli`: the engine from the command line.
//!
//! A thin adapter: it parses arguments, calls the engine and prints. Errors are one line on
//! stderr naming the file and the problem, with a non-zero exit.

use anyhow::Result;
use clap::{Parser, Subcommand};
use inspection_engine::Report;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "inspection-compare-cli",
    version,
    about = "Read and compare Ofsted children's services inspection reports"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read one report (PDF, text or HTML) and print what was extracted.
    Extract {
        /// The report file.
        file: PathBuf,
        /// Print one JSON object instead of a readable summary.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("inspection-compare-cli: {e:#}");
            ExitCode::from(2)
        }
    }
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
            let mut out = std::io::stdout().lock();
            if json {
                serde_json::to_writer_pretty(&mut out, &report)?;
                writeln!(out)?;
            } else {
                write_summary(&mut out, &report)?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn write_summary(out: &mut impl Write, r: &Report) -> std::io::Result<()> {
    writeln!(out, "{}", r.title)?;
    writeln!(out, "Authority:  {}", r.local_authority)?;
    writeln!(out, "Framework:  {} ({})", r.framework.label(), r.framework)?;
    let dates = match (&r.inspection_start, &r.inspection_end) {
        (Some(s), Some(e)) => format!("{s} to {e}"),
        _ => "not found".into(),
    };
    writeln!(out, "Inspected:  {dates}")?;
    writeln!(
        out,
        "Lead:       {}",
        r.lead_inspector.as_deref().unwrap_or("not found")
    )?;
    if r.framework.is_graded() {
        writeln!(out, "\nJudgements")?;
        for j in &r.judgements {
            let page = j
                .evidence
                .map(|e| format!(" (page {})", e.page))
                .unwrap_or_default();
            writeln!(out, "  {:<70} {}{page}", j.area, j.grade)?;
        }
    }
    let list = |out: &mut dyn Write, heading: &str, items: &[String]| -> std::io::Result<()> {
        if !items.is_empty() {
            writeln!(out, "\n{heading}")?;
            for (i, item) in items.iter().enumerate() {
                writeln!(out, "  {}. {item}", i + 1)?;
            }
        }
        Ok(())
    };
    list(out, "Recommendations", &r.recommendations)?;
    list(out, "LSCB recommendations", &r.lscb_recommendations)?;
    for w in &r.warnings {
        writeln!(out, "\nwarning: {w}")?;
    }
    Ok(())
}
