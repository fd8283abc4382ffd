//! Plain text: UTF-8, UTF-16 with a byte-order mark, or Windows-1252.

/// Decodes text, or returns `None` when the bytes are not text (binary content).
pub(super) fn decode(bytes: &[u8]) -> Option<String> {
    // encoding_rs sniffs the BOM (UTF-8, UTF-16LE/BE) and otherwise decodes as the fallback.
    let text = if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        encoding.decode_with_bom_removal(bytes).0.into_owned()
    } else if let Ok(utf8) = std::str::from_utf8(bytes) {
        utf8.to_owned()
    } else {
        // Windows-1252 is what Word and older Ofsted tooling wrote on Windows.
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    };
    is_text(&text).then_some(text)
}

/// Text has almost no control characters; binary data decoded as Windows-1252 has many.
fn is_text(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(65_536) {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            control += 1;
        }
    }
    total > 0 && control * 100 <= total
}

/// Form feeds mark page breaks in text exported from PDFs.
pub(super) fn split_pages(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.split('\u{c}').map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Children’s services".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).as_deref(), Some("Children’s services"));
    }

    #[test]
    fn decodes_windows_1252() {
        // 0x92 is a right single quote in Windows-1252 and invalid as UTF-8.
        assert_eq!(
            decode(b"Children\x92s services").as_deref(),
            Some("Children’s services")
        );
    }

    #[test]
    fn refuses_binary() {
        let bytes: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert_eq!(decode(&bytes), None);
    }
}
