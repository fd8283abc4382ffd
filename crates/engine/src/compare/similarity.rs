//! Word-based similarity for paragraphs and recommendations.
//!
//! Hand-written on purpose: it is a few lines over word sets (lower-cased, light suffix
//! stripping, stop words dropped), and the aligners call it thousands of times.

use std::collections::{HashMap, HashSet};

const STOP: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "has", "have", "in",
    "is", "it", "its", "of", "on", "or", "that", "the", "their", "them", "they", "this", "to",
    "was", "were", "which", "with", "all", "so", "more",
];

/// Distinctive word stems of a text.
pub fn stems(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
        .map(|w| w.to_lowercase())
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect()
}

fn stem(word: &str) -> String {
    for suffix in ["ing", "ed", "es", "s", "ly"] {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.len() >= 4 {
                return base.to_string();
            }
        }
    }
    word.to_string()
}

/// Share of the smaller set found in the larger: 1.0 when one text's words all recur.
pub fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    a.intersection(b).count() as f64 / a.len().min(b.len()) as f64
}

/// Dice coefficient of two stem sets: 1.0 for the same words, 0.0 for none shared.
pub fn dice(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let shared = a.intersection(b).count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// How telling each word stem is in a set of texts: words most paragraphs share ("children",
/// "social", "plan") say little about which paragraph follows which; a word two paragraphs
/// alone share ("disabled", "pre-proceedings") says a lot. Inverse document frequency.
pub struct Rarity {
    weight: HashMap<String, f64>,
}

impl Rarity {
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a HashSet<String>>) -> Rarity {
        let mut count: HashMap<&str, usize> = HashMap::new();
        let mut texts_seen = 0usize;
        for text in texts {
            texts_seen += 1;
            for stem in text {
                *count.entry(stem.as_str()).or_default() += 1;
            }
        }
        let n = texts_seen as f64;
        let weight = count
            .into_iter()
            .map(|(stem, c)| (stem.to_string(), (n / c as f64).ln().max(0.0)))
            .collect();
        Rarity { weight }
    }

    fn of_stem(&self, stem: &str) -> f64 {
        self.weight.get(stem).copied().unwrap_or(0.0)
    }

    /// [`dice`] with each stem counted by its rarity.
    pub fn dice(&self, a: &HashSet<String>, b: &HashSet<String>) -> f64 {
        let total: f64 = a.iter().chain(b).map(|s| self.of_stem(s)).sum();
        if total == 0.0 {
            return 0.0;
        }
        let shared: f64 = a.intersection(b).map(|s| self.of_stem(s)).sum();
        2.0 * shared / total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reworded_items_are_similar() {
        let a = "Improve the quality of assessments so that risks are clearly identified.";
        let b = "Improve the quality of assessment, so risks to children are identified clearly.";
        assert!(dice(&stems(a), &stems(b)) > 0.6);
        assert!(dice(&stems(a), &stems("Recruit more foster carers.")) < 0.2);
        assert_eq!(dice(&stems(""), &stems("")), 1.0);
    }
}
