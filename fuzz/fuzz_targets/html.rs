//! Any bytes inside a web page: the tag scan that enforces the depth and element budgets, then
//! html5ever and the text walk, then extraction. Refusals are fine; a panic, a hang or
//! unbounded memory is a bug.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    inspection_compare_fuzz::read_as_web_page(data);
});
