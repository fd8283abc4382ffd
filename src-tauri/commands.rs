//! Tauri commands. Each one validates its input, runs the engine on a blocking thread and
//! returns a serialisable result or a [`CommandError`].

use inspection_engine::{FileError, Judgement, Report};
use serde::Serialize;
use std::path::PathBuf;

/// An error as the UI receives it: a stable kind and a sentence for people.
#[derive(Debug, Serialize)]
pub struct CommandError {
    pub kind: String,
    pub message: String,
}

impl From<FileError> for CommandError {
    fn from(e: FileError) -> Self {
        CommandError {
            kind: e.kind().to_string(),
            message: e.to_string(),
        }
    }
}

/// What the UI shows of one report.
#[derive(Debug, Serialize)]
pub struct ReportSummary {
    pub file_name: String,
    pub local_authority: String,
    pub framework: String,
    pub framework_label: String,
    pub title: String,
    pub inspection_start: Option<String>,
    pub inspection_end: Option<String>,
    pub lead_inspector: Option<String>,
    pub judgements: Vec<Judgement>,
    pub recommendations: Vec<String>,
    pub lscb_recommendations: Vec<String>,
    pub warnings: Vec<String>,
}

impl ReportSummary {
    fn new(file_name: String, r: Report) -> Self {
        ReportSummary {
            file_name,
            local_authority: r.authority.map(|a| a.name).unwrap_or(r.local_authority),
            framework: r.framework.id().to_string(),
            framework_label: r.framework.label().to_string(),
            title: r.title,
            inspection_start: r.inspection_start,
            inspection_end: r.inspection_end,
            lead_inspector: r.lead_inspector,
            judgements: r.judgements,
            recommendations: r.recommendations,
            lscb_recommendations: r.lscb_recommendations,
            warnings: r.warnings,
        }
    }
}

/// Reads a report the user dropped or opened. The path comes from the OS drop event; the
/// file is read here in Rust, so the webview never needs file-system access.
#[tauri::command]
pub async fn read_report(path: String) -> Result<ReportSummary, CommandError> {
    if path.is_empty() || path.len() > 4096 {
        return Err(CommandError {
            kind: "invalid_input".into(),
            message: "no file path was given".into(),
        });
    }
    let path = PathBuf::from(path);
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let report =
        tauri::async_runtime::spawn_blocking(move || inspection_engine::read_report(&path))
            .await
            .map_err(|e| CommandError {
                kind: "internal".into(),
                message: format!("reading the report stopped unexpectedly: {e}"),
            })??;
    Ok(ReportSummary::new(file_name, report))
}
