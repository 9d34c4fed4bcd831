#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tracktwo_fuzz::map_csv(data));
