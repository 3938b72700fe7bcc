//! Floats: Go's `strconv.AppendFloat` (`ftoa.go`: `%e %f %g %x %b`, shortest or with a
//! precision, for 32 and 64 bits) and `fmt`'s `fmtFloat` around it (signs, padding,
//! `+Inf`, `NaN`). Rust's formatting gives the decimal digits (the shortest that
//! round-trip at the float's size, or correctly rounded, ties to even, to a given
//! number of digits, as Go's); the layout around them is Go's.

use super::*;

/// A decimal digit string `0.d1d2d3... * 10^dp` without trailing zeros (Go's
/// `decimalSlice`); zero has no digits.
struct Digits {
    d: Vec<u8>,
    dp: i32,
}

/// Digits of Rust's `{:e}` form (`1.2345e-7`).
fn from_exp(s: &str) -> Digits {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let d: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    trim(d, exp + 1)
}

/// Digits of Rust's fixed form (`123.4500`).
fn from_fixed(s: &str) -> Digits {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut d: Vec<u8> = int.bytes().collect();
    d.extend(frac.bytes());
    trim(d, int.len() as i32)
}

fn trim(mut d: Vec<u8>, mut dp: i32) -> Digits {
    let lead = d.iter().take_while(|&&c| c == b'0').count();
    d.drain(..lead);
    dp -= lead as i32;
    while d.last() == Some(&b'0') {
        d.pop();
    }
    if d.is_empty() {
        dp = 0;
    }
    Digits { d, dp }
}

/// Go's `strconv.AppendFloat(dst, v, fmt, prec, size)` for `fmt` in `eEfFgG`
/// (`size` 32 formats the shortest digits of the `f32`).
pub(super) fn format_float(v: f64, fmt: u8, prec: i64, size: u8) -> Vec<u8> {
    if v.is_nan() {
        return b"NaN".to_vec();
    }
    if v.is_infinite() {
        return if v > 0.0 {
            b"+Inf".to_vec()
        } else {
            b"-Inf".to_vec()
        };
    }
    let neg = v.is_sign_negative();
    let a = v.abs();
    let lower = fmt.to_ascii_lowercase();
    if lower == b'x' || fmt == b'b' {
        return fmt_binary(v, fmt, prec, size);
    }
    let shortest = prec < 0;
    let mut prec = prec;
    let digs = if shortest {
        let s = if size == 32 {
            format!("{:e}", a as f32)
        } else {
            format!("{a:e}")
        };
        let digs = from_exp(&s);
        let nd = digs.d.len() as i64;
        prec = match lower {
            b'e' => (nd - 1).max(0),
            b'f' => (nd - i64::from(digs.dp)).max(0),
            _ => nd,
        };
        digs
    } else if lower == b'f' {
        from_fixed(&format!("{:.*}", prec as usize, a))
    } else {
        let digits = if lower == b'e' {
            prec + 1
        } else {
            if prec == 0 {
                prec = 1;
            }
            prec
        };
        from_exp(&format!("{:.*e}", (digits - 1).max(0) as usize, a))
    };
    let mut out = Vec::new();
    if neg {
        out.push(b'-');
    }
    match lower {
        b'e' => fmt_e(&mut out, &digs, prec, fmt),
        b'f' => fmt_f(&mut out, &digs, prec),
        _ => {
            let nd = digs.d.len() as i64;
            let dp = i64::from(digs.dp);
            let mut eprec = prec;
            if eprec > nd && nd >= dp {
                eprec = nd;
            }
            if shortest {
                eprec = 6;
            }
            let exp = dp - 1;
            if exp < -4 || exp >= eprec {
                if prec > nd {
                    prec = nd;
                }
                fmt_e(&mut out, &digs, prec - 1, fmt + b'e' - b'g');
            } else {
                if prec > dp {
                    prec = nd;
                }
                fmt_f(&mut out, &digs, (prec - dp).max(0));
            }
        }
    }
    out
}

/// `ftoa.go`'s `fmtB` (`%b`: `mantp±exp`) and `fmtX` (`%x`: `0x1.8p+01`), from the
/// float's bits at its size.
fn fmt_binary(v: f64, fmt: u8, prec: i64, size: u8) -> Vec<u8> {
    let (bits, mantbits, expbits, bias) = if size == 32 {
        (u64::from((v as f32).to_bits()), 23u32, 8u32, -127i64)
    } else {
        (v.to_bits(), 52, 11, -1023)
    };
    let neg = bits >> (mantbits + expbits) != 0;
    let mut exp = ((bits >> mantbits) & ((1 << expbits) - 1)) as i64;
    let mut mant = bits & ((1u64 << mantbits) - 1);
    if exp == 0 {
        exp += 1;
    } else {
        mant |= 1u64 << mantbits;
    }
    exp += bias;
    let mut out = Vec::new();
    if neg {
        out.push(b'-');
    }
    if fmt == b'b' {
        out.extend_from_slice(mant.to_string().as_bytes());
        out.push(b'p');
        let e = exp - i64::from(mantbits);
        if e >= 0 {
            out.push(b'+');
        }
        out.extend_from_slice(e.to_string().as_bytes());
        return out;
    }
    if mant == 0 {
        exp = 0;
    }
    mant <<= 60 - mantbits;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = (prec * 4) as u32;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8; 16] = if fmt == b'X' {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    out.extend_from_slice(&[b'0', fmt, b'0' + ((mant >> 60) & 1) as u8]);
    mant <<= 4;
    if prec < 0 && mant != 0 {
        out.push(b'.');
        while mant != 0 {
            out.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    } else if prec > 0 {
        out.push(b'.');
        for _ in 0..prec {
            out.push(hex[((mant >> 60) & 15) as usize]);
            mant <<= 4;
        }
    }
    out.push(if fmt == b'X' { b'P' } else { b'p' });
    out.push(if exp < 0 { b'-' } else { b'+' });
    let e = exp.abs();
    if e < 10 {
        out.push(b'0');
    }
    out.extend_from_slice(e.to_string().as_bytes());
    out
}

/// `ftoa.go`'s `fmtE`: `d.ddde±dd`.
fn fmt_e(out: &mut Vec<u8>, d: &Digits, prec: i64, fmt: u8) {
    out.push(d.d.first().copied().unwrap_or(b'0'));
    if prec > 0 {
        out.push(b'.');
        for i in 1..=prec as usize {
            out.push(d.d.get(i).copied().unwrap_or(b'0'));
        }
    }
    out.push(fmt);
    let mut exp = if d.d.is_empty() { 0 } else { d.dp - 1 };
    if exp < 0 {
        out.push(b'-');
        exp = -exp;
    } else {
        out.push(b'+');
    }
    if exp < 10 {
        out.push(b'0');
    }
    out.extend_from_slice(exp.to_string().as_bytes());
}

/// `ftoa.go`'s `fmtF`: `ddd.ddd` with `prec` fraction digits.
fn fmt_f(out: &mut Vec<u8>, d: &Digits, prec: i64) {
    if d.dp > 0 {
        for i in 0..d.dp as usize {
            out.push(d.d.get(i).copied().unwrap_or(b'0'));
        }
    } else {
        out.push(b'0');
    }
    if prec > 0 {
        out.push(b'.');
        for i in 1..=prec {
            let j = i64::from(d.dp) + i - 1;
            let c = if j >= 0 {
                d.d.get(j as usize).copied()
            } else {
                None
            };
            out.push(c.unwrap_or(b'0'));
        }
    }
}

impl Printer {
    /// Go's `pp.fmtFloat`: the verb decides the format and default precision.
    pub(super) fn fmt_float(&mut self, v: f64, size: u8, verb: char, val: &Val) {
        match verb {
            'v' => self.fmt_float_raw(v, size, b'g', -1),
            'g' | 'G' | 'x' | 'X' | 'b' => {
                let f = if self.f.sharp_v { b'g' } else { verb as u8 };
                self.fmt_float_raw(v, size, f, -1)
            }
            'e' | 'E' | 'f' | 'F' => {
                if self.f.sharp_v {
                    self.fmt_float_raw(v, size, b'g', -1)
                } else {
                    let f = if verb == 'F' { b'f' } else { verb as u8 };
                    self.fmt_float_raw(v, size, f, 6)
                }
            }
            _ => self.bad_verb(val, verb),
        }
    }

    /// Go's `fmt.fmtFloat`.
    fn fmt_float_raw(&mut self, v: f64, size: u8, verb: u8, prec: i64) {
        let prec = if self.f.prec_present {
            self.f.prec
        } else {
            prec
        };
        let mut num = vec![b'+'];
        num.extend(format_float(v, verb, prec, size));
        if num[1] == b'-' || num[1] == b'+' {
            num.remove(0);
        }
        if self.f.space && num[0] == b'+' && !self.f.plus {
            num[0] = b' ';
        }
        if num[1] == b'I' || num[1] == b'N' {
            let old_zero = self.f.zero;
            self.f.zero = false;
            if num[1] == b'N' && !self.f.space && !self.f.plus {
                num.remove(0);
            }
            self.pad(&num);
            self.f.zero = old_zero;
            return;
        }
        if self.f.sharp && verb != b'b' {
            sharp_digits(&mut num, verb, prec);
        }
        if self.f.plus || num[0] != b'+' {
            if self.f.zero && !self.f.minus && self.f.wid_present && self.f.wid > num.len() as i64 {
                self.buf.push(num[0]);
                self.write_padding(self.f.wid - num.len() as i64);
                self.buf.extend_from_slice(&num[1..]);
                return;
            }
            self.pad(&num);
            return;
        }
        self.pad(&num[1..]);
    }
}

/// The `#` flag: always a decimal point, and `%#g` keeps its trailing zeros (Go's
/// `fmtFloat`; `num` starts with its sign).
fn sharp_digits(num: &mut Vec<u8>, verb: u8, prec: i64) {
    let mut digits = match verb {
        b'v' | b'g' | b'G' | b'x' => {
            if prec == -1 {
                6
            } else {
                prec
            }
        }
        _ => 0,
    };
    let mut tail = Vec::new();
    let mut has_point = false;
    let mut nonzero = false;
    let mut i = 1;
    while i < num.len() {
        match num[i] {
            b'.' => has_point = true,
            b'p' | b'P' => {
                tail = num.split_off(i);
                break;
            }
            b'e' | b'E' if verb != b'x' && verb != b'X' => {
                tail = num.split_off(i);
                break;
            }
            c => {
                if c != b'0' {
                    nonzero = true;
                }
                if nonzero {
                    digits -= 1;
                }
            }
        }
        i += 1;
    }
    if !has_point {
        if num.len() == 2 && num[1] == b'0' {
            digits -= 1;
        }
        num.push(b'.');
    }
    while digits > 0 {
        num.push(b'0');
        digits -= 1;
    }
    num.extend(tail);
}

/// A float as `println` and panic messages print it (Go 1.27: shortest `%g`).
pub(super) fn runtime_float(bits: u64, size: u8) -> String {
    String::from_utf8_lossy(&format_float(f64::from_bits(bits), b'g', -1, size)).into_owned()
}

#[cfg(test)]
mod tests {
    /// `strconv.FormatFloat(x, fmt, prec, size)` from Go 1.27.3 over awkward values
    /// (zeros, subnormals, the largest float, infinities, NaN, ties), every format
    /// and a few precisions: `bits fmt prec size result` per line.
    const CASES: &str = include_str!("strconv_floats.txt");

    #[test]
    fn format_float_matches_strconv() {
        let mut bad = Vec::new();
        for line in CASES.lines() {
            let f: Vec<&str> = line.split(' ').collect();
            let bits = u64::from_str_radix(f[0], 16).unwrap();
            let (fmt, prec, size) = (
                f[1].as_bytes()[0],
                f[2].parse().unwrap(),
                f[3].parse().unwrap(),
            );
            let got = super::format_float(f64::from_bits(bits), fmt, prec, size);
            if got != f[4].as_bytes() {
                bad.push(format!("{line}: got {}", String::from_utf8_lossy(&got)));
            }
        }
        assert!(
            bad.is_empty(),
            "{} mismatches:\n{}",
            bad.len(),
            bad.join("\n")
        );
    }
}
