//! Readable output for people.

use inspection_engine::compare::{AuthorityGroup, Comparison, HunkTag, ParagraphKind};
use inspection_engine::model::Date;
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
    let inspectors = if r.framework.is_letter_or_joint() {
        "Inspectors:"
    } else {
        "Lead:      "
    };
    writeln!(
        out,
        "{inspectors} {}",
        r.lead_inspector.as_deref().unwrap_or("not found")
    )?;
    if let Some(date) = &r.letter_date {
        writeln!(out, "Letter of:  {date}")?;
    }
    if let Some(focus) = &r.focus {
        writeln!(out, "Focus:      {focus}")?;
    }
    if let (Some(outcome), Some(rank)) = (&r.outcome, r.outcome_rank) {
        writeln!(out, "Outcome:    {rank} of 3: {outcome}")?;
    }
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
    items(out, "Priority actions", &r.priority_actions)?;
    items(out, "Recommendations", &r.recommendations)?;
    items(out, "LSCB recommendations", &r.lscb_recommendations)?;
    for w in &r.warnings {
        writeln!(out, "\nwarning: {w}")?;
    }
    Ok(())
}

fn dates(start: &Option<Date>, end: &Option<Date>) -> String {
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
            i.inspection_start
                .map_or_else(|| "----------".into(), |d| d.to_string()),
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
            h.inspection_start
                .map(|d| d.to_string())
                .unwrap_or_default(),
            h.page,
            h.snippet
        )?;
    }
    if hits.is_empty() {
        writeln!(out, "no matches")?;
    }
    Ok(())
}

pub fn comparison(out: &mut impl Write, c: &Comparison) -> io::Result<()> {
    for (label, r) in [("Before", &c.before), ("After ", &c.after)] {
        writeln!(
            out,
            "{label}  {} · {} · {} · lead inspector {}",
            r.local_authority,
            r.framework_label,
            dates(&r.inspection_start, &r.inspection_end),
            r.lead_inspector.as_deref().unwrap_or("not found")
        )?;
    }
    for w in &c.warnings {
        writeln!(out, "note: {w}")?;
    }
    writeln!(out, "\nJudgements")?;
    for row in &c.judgements {
        let grade = |s: &Option<inspection_engine::compare::JudgementSide>| {
            s.as_ref().map_or("—".to_string(), |s| s.grade.clone())
        };
        writeln!(
            out,
            "  {} {:<36} {:<34} → {:<34} {}",
            row.change.symbol(),
            row.label,
            grade(&row.before),
            grade(&row.after),
            row.change.label()
        )?;
        if let Some(note) = &row.note {
            writeln!(out, "      {note}")?;
        }
    }
    let r = &c.recommendations;
    writeln!(
        out,
        "\nRecommendations: {} recurring, {} not raised again, {} new",
        r.recurring.len(),
        r.resolved.len(),
        r.new.len()
    )?;
    for item in &r.recurring {
        writeln!(
            out,
            "  recurring ({:.0}%): {}\n      now: {}",
            item.similarity * 100.0,
            item.before,
            item.after
        )?;
    }
    for item in &r.resolved {
        writeln!(out, "  not raised again: {}", item.text)?;
        // Where the later report speaks to it (a suggestion to read), or that nothing was found.
        if item.discussed.is_empty() {
            writeln!(
                out,
                "      no paragraph of the later report found that speaks to it"
            )?;
        }
        for d in &item.discussed {
            writeln!(
                out,
                "      discussed, p. {}: \u{201c}{}\u{201d}",
                d.page, d.quote
            )?;
        }
    }
    for item in &r.new {
        writeln!(out, "  new: {}", item.text)?;
    }
    if !r.recurring_themes.is_empty() {
        writeln!(
            out,
            "  themes raised in both: {}",
            r.recurring_themes.join(", ")
        )?;
    }
    let s = &c.stats;
    writeln!(
        out,
        "\nText: {} paragraphs unchanged, {} changed, {} rewritten, {} moved, {} added, {} removed",
        s.unchanged, s.changed, s.rewritten, s.moved, s.added, s.removed
    )?;
    for section in &c.sections {
        let changes: Vec<_> = section
            .paragraphs
            .iter()
            .filter(|p| p.kind != ParagraphKind::Unchanged)
            .collect();
        if changes.is_empty() {
            continue;
        }
        writeln!(
            out,
            "\n== {} ⇄ {}",
            section.before_heading.as_deref().unwrap_or("(start)"),
            section.after_heading.as_deref().unwrap_or("(start)")
        )?;
        for p in changes {
            let pages = format!(
                "p.{}→p.{}",
                p.before.as_ref().map_or("-".into(), |b| b.page.to_string()),
                p.after.as_ref().map_or("-".into(), |a| a.page.to_string())
            );
            match p.kind {
                ParagraphKind::Added => writeln!(
                    out,
                    "  + [{pages}] {}",
                    p.after.as_ref().map_or("", |a| &a.text)
                )?,
                ParagraphKind::Removed => writeln!(
                    out,
                    "  - [{pages}] {}",
                    p.before.as_ref().map_or("", |b| &b.text)
                )?,
                ParagraphKind::Rewritten => writeln!(
                    out,
                    "  ≈ [{pages}] rewritten:\n      was: {}\n      now: {}",
                    p.before.as_ref().map_or("", |b| &b.text),
                    p.after.as_ref().map_or("", |a| &a.text)
                )?,
                ParagraphKind::Moved => writeln!(
                    out,
                    "  ↷ [{pages}] moved: {}",
                    p.after.as_ref().map_or("", |a| &a.text)
                )?,
                _ => {
                    let text: String = p
                        .hunks
                        .iter()
                        .map(|h| match h.tag {
                            HunkTag::Equal => h.text.clone(),
                            HunkTag::Delete => format!("[-{}-]", h.text),
                            HunkTag::Insert => format!("{{+{}+}}", h.text),
                        })
                        .collect();
                    writeln!(out, "  ~ [{pages}] {text}")?;
                }
            }
        }
    }
    Ok(())
}

/// A group of authorities: a row per member, a column per round (its overall grade, or its
/// judgements' where it has none), then where the subject stands.
pub fn group(out: &mut impl Write, g: &AuthorityGroup) -> io::Result<()> {
    writeln!(out, "{} — standing at {}", g.title, g.at)?;
    for note in &g.notes {
        writeln!(out, "Note: {note}")?;
    }
    for m in &g.members {
        let mark = if m.subject { "*" } else { " " };
        let place = m
            .closeness
            .map_or_else(String::new, |n| format!("{n:>2}. "));
        writeln!(out, "{mark} {place}{} ({} documents)", m.name, m.documents)?;
        for (round, cell) in g.rounds.iter().zip(&m.rounds) {
            let Some(r) = cell else { continue };
            let grade = match r.overall {
                Some(g) => g.label().to_string(),
                None => r
                    .grades
                    .iter()
                    .map(|d| format!("{}: {}", d.domain.label(), d.grade.short_label()))
                    .collect::<Vec<_>>()
                    .join("; "),
            };
            let when = r.date.map_or_else(|| "undated".into(), |d| d.to_string());
            let from = r
                .predecessor
                .as_ref()
                .map_or_else(String::new, |p| format!(" (as {p})"));
            writeln!(out, "      {}: {grade}, {when}{from}", round.label())?;
        }
    }
    if !g.missing.is_empty() {
        writeln!(out, "No document in the library: {}", g.missing.join(", "))?;
    }
    if let Some(subject) = &g.subject {
        for s in &g.standing {
            writeln!(
                out,
                "{subject}, {}: {} — place {} of {} ({} better, {} the same, {} worse)",
                s.domain.label(),
                s.grade.label(),
                s.place,
                s.of,
                s.better.len(),
                s.same.len(),
                s.worse.len()
            )?;
        }
    }
    Ok(())
}
