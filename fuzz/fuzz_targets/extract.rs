//! Any bytes, as a dropped file: ingest (format by content, PDF, text, HTML) then extract.
//! Refusals are fine; a panic, a hang or unbounded memory is a bug.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = inspection_engine::read_report_bytes(data);
});
