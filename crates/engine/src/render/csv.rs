//! The judgement table as CSV: a row per judgement domain, for spreadsheets.

use super::summary::Summary;
use super::RenderError;

pub(super) fn render(s: &Summary) -> Result<Vec<u8>, RenderError> {
    let error = |e: csv::Error| RenderError::Csv(e.to_string());
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "local_authority",
        "judgement",
        "before_year",
        "before_grade",
        "after_year",
        "after_grade",
        "change",
    ])
    .map_err(error)?;
    for line in &s.judgements {
        let grade = |g: &str| {
            if g == "—" {
                String::new()
            } else {
                g.to_string()
            }
        };
        out.write_record([
            s.authority.as_str(),
            &line.judgement,
            &s.before.year,
            &grade(&line.before),
            &s.after.year,
            &grade(&line.after),
            &line.change.to_lowercase(),
        ])
        .map_err(error)?;
    }
    out.into_inner()
        .map_err(|e| RenderError::Csv(e.to_string()))
}
