//! Readable output for people.

use inspection_engine::store::{ImportOutcome, ImportStatus, InspectionSummary, SearchHit};
use inspection_engine::Report;
use std::io::{self, Write};

pub fn report(out: &mut impl Write, r: &Report) -> io::Result<()> {
    writeln!(out, "{}", r.title)?;
    writeln!(out, "Authority:  {}", r.local_authority)?;
    writeln!(out, "Framework:  {} ({})", r.framework.label(), r.framework)?;
    writeln!(
        out,
        "Inspected:  {}",
        dates(&r.inspection_start, &r.inspection_end)
    )?;
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
    items(out, "Recommendations", &r.recommendations)?;
    items(out, "LSCB recommendations", &r.lscb_recommendations)?;
    for w in &r.warnings {
        writeln!(out, "\nwarning: {w}")?;
    }
    Ok(())
}

fn dates(start: &Option<String>, end: &Option<String>) -> String {
    match (start, end) {
        (Some(s), Some(e)) => format!("{s} to {e}"),
        _ => "dates not found".into(),
    }
}

fn items(out: &mut impl Write, heading: &str, items: &[String]) -> io::Result<()> {
    if !items.is_empty() {
        writeln!(out, "\n{heading}")?;
        for (i, item) in items.iter().enumerate() {
            writeln!(out, "  {}. {item}", i + 1)?;
        }
    }
    Ok(())
}

pub fn import_line(outcome: &ImportOutcome) {
    let path = outcome.path.display();
    match &outcome.status {
        ImportStatus::Imported { inspection_id } => {
            crate::say!("imported         {path} (inspection {inspection_id})")
        }
        ImportStatus::AlreadyPresent { inspection_id } => {
            crate::say!("already present  {path} (inspection {inspection_id})")
        }
        ImportStatus::Refused { reason, .. } => crate::say!("refused          {reason}"),
    }
}

pub fn list(out: &mut impl Write, list: &[InspectionSummary]) -> io::Result<()> {
    for i in list {
        let grades: Vec<String> = i
            .judgements
            .iter()
            .map(|j| format!("{}={}", j.key.id(), j.grade))
            .collect();
        writeln!(
            out,
            "{:>5}  {:<28} {:<17} {}  {}",
            i.id,
            i.local_authority,
            i.framework.id(),
            i.inspection_start.as_deref().unwrap_or("----------"),
            grades.join(", ")
        )?;
    }
    Ok(())
}

pub fn hits(out: &mut impl Write, hits: &[SearchHit]) -> io::Result<()> {
    for h in hits {
        writeln!(
            out,
            "inspection {} · {} · {} · page {}\n    {}",
            h.inspection_id,
            h.local_authority,
            h.inspection_start.as_deref().unwrap_or(""),
            h.page,
            h.snippet
        )?;
    }
    if hits.is_empty() {
        writeln!(out, "no matches")?;
    }
    Ok(())
}
