//! UTF-8 as Go decodes it (`unicode/utf8`).

use super::*;

/// Go's `utf8.DecodeRune`: (rune, width); `(0xFFFD, 1)` for an invalid byte,
/// `(0xFFFD, 0)` for empty input.
pub(super) fn decode_rune(b: &[u8]) -> (u32, usize) {
    let Some(&b0) = b.first() else {
        return (RUNE_ERROR, 0);
    };
    if b0 < 0x80 {
        return (u32::from(b0), 1);
    }
    let (n, lo, hi) = match b0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return (RUNE_ERROR, 1),
    };
    if b.len() < n || !(lo..=hi).contains(&b[1]) {
        return (RUNE_ERROR, 1);
    }
    if b[2..n].iter().any(|&c| !(0x80..=0xBF).contains(&c)) {
        return (RUNE_ERROR, 1);
    }
    let mut r = u32::from(b0) & (0x7F >> n);
    for &c in &b[1..n] {
        r = (r << 6) | (u32::from(c) & 0x3F);
    }
    (r, n)
}

/// Go's `utf8.RuneCount`.
pub(super) fn rune_count(b: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        i += decode_rune(&b[i..]).1;
        n += 1;
    }
    n
}

/// Go's `utf8.AppendRune`: invalid runes (surrogates, too large) become U+FFFD.
pub(super) fn push_rune(out: &mut Vec<u8>, r: u32) {
    let c = char::from_u32(r).unwrap_or('\u{FFFD}');
    let mut tmp = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
}
