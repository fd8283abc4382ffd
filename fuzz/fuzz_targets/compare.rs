//! Any two reports (see `report_from`): compare, then the summary in every format.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    inspection_compare_fuzz::compare_and_render(data);
});
