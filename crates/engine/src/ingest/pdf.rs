//! PDF: text per page through `pdf-extract` (pure Rust, MIT; chosen by measurement, see
//! ARCHITECTURE.md). Its parser can panic on malformed input, so every call is guarded.

use super::find;
use crate::error::Problem;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

/// More pages than any report has (the longest in the corpus has 51); bounds a "PDF bomb".
pub const MAX_PAGES: usize = 1_000;

/// What all of a PDF's Flate streams may expand to together. The largest of the 539 PDFs of
/// the corpus and the national record expands to 2.2 MB; a few kilobytes of zeros can expand
/// to gigabytes.
pub const MAX_INFLATED_MB: u64 = 64;

/// What one stream may hold once expanded. The largest stream of those 539 PDFs is 0.3 MB.
/// The PDF reader keeps a page's parsed content in memory at many times its size (a 200 MB
/// content stream took it past 3.6 GB), so one stream is held far below the total.
pub const MAX_STREAM_MB: u64 = 16;

pub(super) fn looks_like_pdf(bytes: &[u8]) -> bool {
    // The header may follow a little junk; readers accept it within the first kilobyte.
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

pub(super) fn page_texts(bytes: &[u8]) -> Result<Vec<String>, Problem> {
    let pages = guarded(|| read_pages(bytes))?;
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(Problem::NoTextLayer);
    }
    Ok(pages)
}

fn read_pages(bytes: &[u8]) -> Result<Vec<String>, Problem> {
    check_expansion(bytes)?;
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| load_problem(&e))?;
    if doc.is_encrypted() {
        // Government PDFs often carry only an owner password (no copying, say): the empty user
        // password opens them. Anything else needs the user's password, which we do not ask for.
        doc.decrypt("").map_err(|_| Problem::Encrypted)?;
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(Problem::DamagedPdf("it has no pages".into()));
    }
    if pages.len() > MAX_PAGES {
        return Err(Problem::TooManyPages {
            pages: pages.len(),
            limit: MAX_PAGES,
        });
    }
    let mut texts = Vec::with_capacity(pages.len());
    for (&number, &page_id) in &pages {
        // pdf-extract ignores the `'` and `"` text operators ("next line, show text"): lines
        // drawn with them would be lost, and a page drawn only with them would read empty. A
        // page whose content shows them is rewritten in the operators it reads first.
        spell_out_quote_operators(&mut doc, page_id);
        texts.push(page_text(&doc, number));
    }
    Ok(texts)
}

/// One page's text; an unreadable page is simply empty, so it does not lose the report.
fn page_text(doc: &pdf_extract::Document, number: u32) -> String {
    let mut text = String::new();
    let mut output = pdf_extract::PlainTextOutput::new(&mut text);
    match pdf_extract::output_doc_page(doc, &mut output, number) {
        Ok(()) => text,
        Err(_) => String::new(),
    }
}

/// Whether a page's content may use the `'` or `"` operator: a quote after a string operand
/// (`(text) '`, `<48> "`). A quote inside a string (`(don't)`) can match too; the rewrite then
/// finds no such operator and changes nothing.
fn shows_quote_operators(content: &[u8]) -> bool {
    let mut after_string = false;
    for &b in content {
        match b {
            b')' | b'>' => after_string = true,
            b'\'' | b'"' if after_string => return true,
            b' ' | b'\t' | b'\r' | b'\n' => {}
            _ => after_string = false,
        }
    }
    false
}

/// Rewrites a page's `'` (`T*` then `Tj`) and `"` (`Tw`, `Tc`, `T*`, `Tj`) operators, the PDF
/// standard's shorthands, into the operators pdf-extract reads. A quick scan of the content's
/// bytes spares the parse on the pages (nearly all) that do not use them; a page that cannot be
/// rewritten is left as it is.
fn spell_out_quote_operators(doc: &mut pdf_extract::Document, page_id: (u32, u16)) {
    use pdf_extract::content::{Content, Operation};
    let Ok(bytes) = doc.get_page_content(page_id) else {
        return;
    };
    if !shows_quote_operators(&bytes) {
        return;
    }
    let Ok(content) = Content::decode(&bytes) else {
        return;
    };
    if !content
        .operations
        .iter()
        .any(|o| o.operator == "'" || o.operator == "\"")
    {
        return;
    }
    let mut operations = Vec::with_capacity(content.operations.len() + 8);
    for op in content.operations {
        let mut operands = op.operands.into_iter();
        match op.operator.as_str() {
            "'" => {
                operations.push(Operation::new("T*", vec![]));
                operations.push(Operation::new("Tj", operands.collect()));
            }
            "\"" => {
                let (aw, ac) = (operands.next(), operands.next());
                operations.extend(aw.map(|w| Operation::new("Tw", vec![w])));
                operations.extend(ac.map(|c| Operation::new("Tc", vec![c])));
                operations.push(Operation::new("T*", vec![]));
                operations.push(Operation::new("Tj", operands.collect()));
            }
            other => operations.push(Operation::new(other, operands.collect())),
        }
    }
    if let Ok(encoded) = (Content { operations }).encode() {
        let _ = doc.change_page_content(page_id, encoded);
    }
}

/// Refuses a decompression bomb, or one oversized stream, before the PDF parser reads anything:
/// every stream in the file (object streams included, which the parser inflates while loading)
/// is inflated into a small scratch buffer, counting bytes, and the count stops at the limits;
/// a stream that is not Flate-compressed is measured up to its `endstream`. Hand-written because
/// the parser has no size limit to set; flate2 does the inflating.
fn check_expansion(bytes: &[u8]) -> Result<(), Problem> {
    use std::io::Read;
    let (total_limit, stream_limit) = (MAX_INFLATED_MB << 20, MAX_STREAM_MB << 20);
    let too_large = || Problem::StreamTooLarge {
        limit_mb: MAX_STREAM_MB,
    };
    let mut total: u64 = 0;
    let mut scratch = vec![0u8; 64 * 1024];
    let mut at = 0;
    while let Some(found) = find(&bytes[at..], b"stream") {
        let keyword = at + found;
        at = keyword + b"stream".len();
        if bytes[..keyword].ends_with(b"end") {
            continue;
        }
        // The data starts after the end of the keyword's line.
        let data = match bytes.get(at..) {
            Some([b'\r', b'\n', ..]) => at + 2,
            Some([b'\n' | b'\r', ..]) => at + 1,
            _ => continue,
        };
        let mut inflater = flate2::read::ZlibDecoder::new(&bytes[data..]);
        let mut this_stream: u64 = 0;
        loop {
            match inflater.read(&mut scratch) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    this_stream += n as u64;
                    total += n as u64;
                    if total > total_limit {
                        return Err(Problem::Bomb {
                            limit_mb: MAX_INFLATED_MB,
                        });
                    }
                    if this_stream > stream_limit {
                        return Err(too_large());
                    }
                }
            }
        }
        if this_stream == 0 && !filtered(&bytes[..keyword]) {
            // Stored as it is: the stream is as long as the bytes up to its end. (Streams with
            // other filters, such as a scan's JPEG images, are never read as text.)
            let raw = find(&bytes[data..], b"endstream").unwrap_or(bytes.len() - data);
            if raw as u64 > stream_limit {
                return Err(too_large());
            }
        }
        // Skip what was inflated: a stream's bytes never hold the next keyword.
        at = data + (inflater.total_in() as usize).max(1);
    }
    Ok(())
}

/// Whether the dictionary before a `stream` keyword (`before` ends at the keyword) names a
/// filter: the dictionary starts after its object's `obj`, within the last few kilobytes.
fn filtered(before: &[u8]) -> bool {
    let window = &before[before.len().saturating_sub(4096)..];
    let dictionary = match window.windows(3).rposition(|w| w == b"obj") {
        Some(start) => &window[start..],
        None => window,
    };
    find(dictionary, b"/Filter").is_some()
}

fn load_problem(e: &pdf_extract::Error) -> Problem {
    let detail = e.to_string();
    if detail.to_ascii_lowercase().contains("decrypt")
        || detail.to_ascii_lowercase().contains("password")
    {
        Problem::Encrypted
    } else {
        Problem::DamagedPdf(detail)
    }
}

thread_local! {
    static IN_READER: Cell<bool> = const { Cell::new(false) };
}

/// Runs `read` catching panics, which become [`Problem::ReaderFailed`]. The panic message is
/// kept off stderr and out of the sentence people read: it goes with the problem to the
/// library's log.
fn guarded<T>(read: impl FnOnce() -> Result<T, Problem>) -> Result<T, Problem> {
    static QUIET_HOOK: Once = Once::new();
    QUIET_HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !IN_READER.with(Cell::get) {
                previous(info);
            }
        }));
    });
    IN_READER.with(|flag| flag.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(read));
    IN_READER.with(|flag| flag.set(false));
    result.unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unexpected failure".into());
        Err(Problem::ReaderFailed {
            internal: message.lines().next().unwrap_or_default().to_string(),
        })
    })
}

/// PDFs made by code for the tests, shared with the integration and e2e tests.
#[cfg(test)]
#[path = "../../../../tests/common/hostile_inputs.rs"]
mod made;

#[cfg(test)]
mod tests {
    use super::made;

    #[test]
    fn a_page_mixing_tj_and_the_quote_operators_reads_every_line() {
        let pdf = made::one_page(
            made::stream(
                "",
                b"BT /F1 12 Tf 14 TL 72 720 Td (Drawn by Tj.) Tj (Drawn by the quote.) ' 1 0 (Drawn by the double quote.) \" (Don't split.) Tj ET",
            ),
            made::FONT.as_bytes().to_vec(),
            vec![],
        );
        let pages = super::page_texts(&pdf).unwrap();
        let text = pages.concat();
        for line in [
            "Drawn by Tj.",
            "Drawn by the quote.",
            "Drawn by the double quote.",
            // An apostrophe inside a string is text (Helvetica draws it as ’), not an operator.
            "t split.",
        ] {
            assert!(text.contains(line), "{line:?} in {text:?}");
        }
    }
}
