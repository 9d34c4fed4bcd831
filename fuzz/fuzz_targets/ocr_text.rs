#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tracktwo_fuzz::ocr_text(data));
