//! The one text normalisation every stage shares: runs of white space as single spaces.

/// Runs of white space (line breaks from wrapped cells, tabs, non-breaking spaces) as single
/// spaces, trimmed at both ends.
pub(crate) fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
