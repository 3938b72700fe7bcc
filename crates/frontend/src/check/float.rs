//! Float constants: exact rationals while untyped (Go's constants are exact:
//! `0.1*3 == 0.3`), rounded to `float32`/`float64` once typed, as types2 rounds them;
//! literals (decimal and hexadecimal), the rounding, and gc's spelling of a float
//! constant in messages (`go/constant`'s `String`: `%.6g`, `1e+400`).

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::constant::ConvCtx;
use super::Checker;
use crate::ast::{BinOp, Span};
use crate::hir::{ConstValue, Expr, ExprKind};
use crate::types::{Basic, TypeId, TypeTable};

pub(crate) type Rat = BigRational;

/// The largest decimal exponent a literal may have; Go switches to 512-bit floats
/// beyond its rationals' reach, which we do not model.
const MAX_EXP10: i64 = 10_000;

/// What we say for a literal beyond `MAX_EXP10`.
pub(crate) const HUGE_EXPONENT: &str =
    "float constants with exponents beyond 10000 are not supported";

/// Parses a float literal as written (`1.5e3`, `.5`, `1_000.0`, `0x1.8p3`).
pub(crate) fn parse_float(lit: &str) -> Option<Rat> {
    let s: String = lit.chars().filter(|&c| c != '_').collect();
    let (hex, body) = match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(r) => (true, r),
        None => (false, s.as_str()),
    };
    let split = |c: &[char]| -> (&str, Option<&str>) {
        match body.find(c) {
            Some(i) => (&body[..i], Some(&body[i + 1..])),
            None => (body, None),
        }
    };
    let (mant, exp) = if hex {
        split(&['p', 'P'])
    } else {
        split(&['e', 'E'])
    };
    let exp: i64 = match exp {
        Some(e) => e.parse().ok()?,
        None => 0,
    };
    if exp.abs() > MAX_EXP10 {
        return None;
    }
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let radix = if hex { 16 } else { 10 };
    let digits = format!("{int}{frac}");
    let m = if digits.is_empty() {
        BigInt::zero()
    } else {
        BigInt::parse_bytes(digits.as_bytes(), radix)?
    };
    let (base, scale) = if hex {
        (BigInt::from(2), exp - 4 * frac.len() as i64)
    } else {
        (BigInt::from(10), exp - frac.len() as i64)
    };
    let p = num_traits::pow(base, scale.unsigned_abs() as usize);
    Some(if scale >= 0 {
        Rat::from_integer(m * p)
    } else {
        Rat::new(m, p)
    })
}

/// Rounds `r` to the nearest `float64` (or `float32` for `Basic::Float32`), ties to
/// even, with subnormals; `None` if it rounds to an infinity (gc: "overflows").
pub(crate) fn round_to(r: &Rat, b: Basic) -> Option<f64> {
    let (prec, min_exp, max_exp) = if b == Basic::Float32 {
        (24i64, -149i64, 128i64)
    } else {
        (53, -1074, 1024)
    };
    if r.is_zero() {
        return Some(0.0);
    }
    let neg = r.is_negative();
    let a = r.numer().abs();
    let d = r.denom().clone();
    // value = a/d; pick s so that q = floor(a * 2^s / d) has `prec` bits, but never
    // resolve below the smallest subnormal 2^min_exp.
    // The leading bit of a/d is 2^e0, so floor(a * 2^s / d) has exactly `prec` bits.
    let mut e0 = a.bits() as i64 - d.bits() as i64;
    let shifted = |k: i64| -> (BigInt, BigInt) {
        if k >= 0 {
            (&a << k as usize, d.clone())
        } else {
            (a.clone(), &d << (-k) as usize)
        }
    };
    // a/d >= 2^e0 means the leading bit is at e0, else at e0 - 1.
    let (n0, m0) = shifted(-e0);
    if n0 < m0 {
        e0 -= 1;
    }
    let s = (prec - 1 - e0).min(-min_exp);
    let (n, m) = shifted(s);
    let (mut q, rem) = n.div_rem(&m);
    let twice = rem << 1usize;
    if twice > m || (twice == m && q.is_odd()) {
        q += 1;
    }
    // value = q * 2^-s; q has at most prec+1 bits.
    if q.bits() as i64 - s > max_exp {
        return None;
    }
    let mut x = q.to_f64()?;
    let mut e = -s;
    while e != 0 {
        let step = e.clamp(-1000, 1000);
        x *= 2f64.powi(step as i32);
        e -= step;
    }
    if x.is_infinite() {
        return None;
    }
    Some(if neg { -x } else { x })
}

/// The exact rational of a finite float.
pub(crate) fn from_f64(x: f64) -> Rat {
    Rat::from_float(x).unwrap_or_else(Rat::zero)
}

/// The value of an untyped or typed float constant as an `f64` (already rounded to
/// `b` when typed).
pub(crate) fn to_f64(r: &Rat) -> f64 {
    round_to(r, Basic::Float64).unwrap_or(if r.is_negative() {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    })
}

/// The integer value of `r`, if it is an integer within `i128`.
pub(crate) fn to_int(r: &Rat) -> Option<i128> {
    if !r.is_integer() {
        return None;
    }
    r.to_integer().to_i128()
}

pub(crate) fn from_int(i: i128) -> Rat {
    Rat::from_integer(BigInt::from(i))
}

/// `go/constant`'s `String` of a float constant: an integer value prints its
/// digits (`ToInt`'s `intVal`, where types2 converted it), else `%.6g`, else the
/// shortest `%g` when `%.6g` hides a fraction, else `m.mmmmmme+N` out of the
/// `float64` range.
pub(crate) fn show_float(r: &Rat) -> String {
    let x = to_f64(r);
    if x.is_finite() && (x == 0.0) == r.is_zero() {
        let s = fmt_g(x, Some(6));
        if !r.is_integer() && !s.contains('.') {
            return fmt_g(x, None);
        }
        return s;
    }
    // Out of range: m * 10^e with 1 <= |m| < 10, from the binary exponent.
    // big.Float's MantExp: r = mant * 2^bits with 0.5 <= |mant| < 1.
    let scale = |bits: i64| {
        if bits >= 0 {
            r / Rat::from_integer(BigInt::one() << bits as usize)
        } else {
            r * Rat::from_integer(BigInt::one() << (-bits) as usize)
        }
    };
    let half = Rat::new(BigInt::one(), BigInt::from(2));
    let mut bits = r.numer().bits() as i64 - r.denom().bits() as i64;
    let mut scaled = scale(bits);
    while scaled.abs() >= Rat::one() {
        bits += 1;
        scaled = scale(bits);
    }
    while scaled.abs() < half {
        bits -= 1;
        scaled = scale(bits);
    }
    let m = to_f64(&scaled);
    let d = bits as f64 * (std::f64::consts::LN_2 / std::f64::consts::LN_10);
    let mut e = d as i64;
    let mut m = m * 10f64.powf(d - e as f64);
    let am = m.abs();
    if am < 1.0 - 0.5e-6 {
        m *= 10.0;
        e -= 1;
    } else if am >= 10.0 {
        m /= 10.0;
        e += 1;
    }
    format!("{}e{e:+}", fmt_g(m, Some(6)))
}

/// Go's `%g` (`Some(p)`: `%.pg`; `None`: shortest) of a finite float.
pub(crate) fn fmt_g(x: f64, prec: Option<usize>) -> String {
    let neg = x.is_sign_negative() && x != 0.0;
    let a = x.abs();
    let s = match prec {
        Some(p) => format!("{:.*e}", p.max(1) - 1, a),
        None => format!("{a:e}"),
    };
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut d: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    while d.last() == Some(&b'0') {
        d.pop();
    }
    let nd = d.len() as i64;
    let dp = if nd == 0 { 0 } else { exp + 1 };
    let shortest = prec.is_none();
    let mut p = prec.map_or(nd, |p| p.max(1) as i64);
    let mut eprec = p;
    if eprec > nd && nd >= dp {
        eprec = nd;
    }
    if shortest {
        eprec = 6;
    }
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    let digit = |i: i64| -> char {
        if i >= 0 && i < nd {
            d[i as usize] as char
        } else {
            '0'
        }
    };
    let x_exp = dp - 1;
    if x_exp < -4 || x_exp >= eprec {
        if p > nd {
            p = nd;
        }
        let p = p - 1;
        out.push(digit(0));
        if p > 0 {
            out.push('.');
            for i in 1..=p {
                out.push(digit(i));
            }
        }
        let e = if nd == 0 { 0 } else { x_exp };
        out.push_str(&format!("e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs()));
    } else {
        if p > dp {
            p = nd;
        }
        let frac = (p - dp).max(0);
        if dp > 0 {
            for i in 0..dp {
                out.push(digit(i));
            }
        } else {
            out.push('0');
        }
        if frac > 0 {
            out.push('.');
            for i in 1..=frac {
                out.push(digit(dp + i - 1));
            }
        }
    }
    out
}

/// The IEEE bit pattern of a numeric constant's value as `float32` (`single`) or
/// `float64`; typed float constants are already rounded, so this is exact for them.
pub fn float_bits(c: &ConstValue, single: bool) -> i64 {
    let x = match c {
        ConstValue::Int(i) => to_f64(&from_int(*i)),
        ConstValue::Float(r) => to_f64(r),
        _ => 0.0,
    };
    if single {
        i64::from((x as f32).to_bits())
    } else {
        x.to_bits() as i64
    }
}

/// Whether `r` is exactly zero (a divisor).
pub(crate) fn is_zero(r: &Rat) -> bool {
    r.is_zero()
}

// ---- The checker's steps for float constants ----------------------------------------

/// The numeric value of an integer or float constant as a rational.
pub(crate) fn as_rat(v: &ConstValue) -> Option<Rat> {
    match v {
        ConstValue::Int(i) => Some(from_int(*i)),
        ConstValue::Float(r) => Some(r.clone()),
        _ => None,
    }
}

/// The constant's value as gc spells it after `constant.ToInt` (an integral float
/// prints its digits).
fn show_as_int(r: &Rat) -> String {
    if r.is_integer() {
        r.to_integer().to_string()
    } else {
        show_float(r)
    }
}

impl Checker<'_> {
    /// An untyped float constant with an integer value as an untyped int constant
    /// (where Go wants an integer: an index, a size, a shift count); others unchanged.
    pub(crate) fn integral_float_as_int(&self, e: Expr) -> Expr {
        match &e.kind {
            ExprKind::Const(ConstValue::Float(r)) if self.is_untyped(e.ty) => match to_int(r) {
                Some(i) => Expr {
                    kind: ExprKind::Const(ConstValue::Int(i)),
                    ty: TypeTable::basic(Basic::UntypedInt),
                    span: e.span,
                },
                None => e,
            },
            _ => e,
        }
    }

    /// `describe` with the value spelled `vs` (gc's operand string).
    fn describe_valued(&self, e: &Expr, vs: &str) -> String {
        let text = self.text(e.span).to_string();
        let tail = if vs == text {
            String::new()
        } else {
            format!(" {vs}")
        };
        if self.is_untyped(e.ty) {
            format!("{text} ({} constant{tail})", self.tdisplay(e.ty))
        } else {
            format!("{text} (constant{tail} of {})", self.type_desc(e.ty))
        }
    }

    /// Converts a numeric constant `e` (untyped, or typed for an explicit conversion)
    /// to `target` when a float is involved: rounding to a float type, or an integral
    /// float to an integer type. Reports gc's errors (`overflows`, `truncated`).
    pub(crate) fn convert_float_const(
        &mut self,
        mut e: Expr,
        target: TypeId,
        ctx: ConvCtx,
    ) -> Expr {
        let ExprKind::Const(v) = &e.kind else {
            return e;
        };
        let Some(r) = as_rat(v) else { return e };
        let tb = self.types.basic_of(target).unwrap_or(Basic::Float64);
        let invalid = TypeTable::basic(Basic::Invalid);
        if self.types.is_float(target) {
            match round_to(&r, tb) {
                Some(x) => {
                    e.kind = ExprKind::Const(ConstValue::Float(from_f64(x)));
                    e.ty = target;
                }
                None => {
                    let why = match ctx {
                        ConvCtx::Convert => None,
                        _ => Some("overflows"),
                    };
                    self.conv_error(&e, target, ctx, why);
                    e.ty = invalid;
                }
            }
            return e;
        }
        // An integer type: the float must be integral and in range.
        if let Some(i) = to_int(&r).filter(|&i| self.fits(i, target)) {
            e.kind = ExprKind::Const(ConstValue::Int(i));
            e.ty = target;
            return e;
        }
        let ts = self.tdisplay(target);
        let msg = match ctx {
            ConvCtx::Assign(c) => {
                let d = self.describe(&e);
                format!("cannot use {d} as {ts} value in {c} (truncated)")
            }
            ConvCtx::Operand => format!("{} truncated to {ts}", self.describe(&e)),
            ConvCtx::Convert => {
                let d = self.describe_valued(&e, &show_as_int(&r));
                format!("cannot convert {d} to type {ts}")
            }
        };
        self.err(e.span, msg);
        e.ty = invalid;
        e
    }

    /// Folds `a op b` on float constants of type `t` (exact, then rounded when `t` is
    /// typed). `None` after reporting an error.
    pub(crate) fn fold_float(
        &mut self,
        op: BinOp,
        a: &Rat,
        b: &Rat,
        t: TypeId,
        span: Span,
        rspan: Span,
    ) -> Option<ConstValue> {
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::Div => {
                if b.is_zero() {
                    self.err(rspan, "invalid operation: division by zero");
                    return None;
                }
                a / b
            }
            BinOp::Eq => return Some(ConstValue::Bool(a == b)),
            BinOp::Ne => return Some(ConstValue::Bool(a != b)),
            BinOp::Lt => return Some(ConstValue::Bool(a < b)),
            BinOp::Le => return Some(ConstValue::Bool(a <= b)),
            BinOp::Gt => return Some(ConstValue::Bool(a > b)),
            BinOp::Ge => return Some(ConstValue::Bool(a >= b)),
            _ => return None,
        };
        if self.is_untyped(t) {
            return Some(ConstValue::Float(r));
        }
        let tb = self.types.basic_of(t).unwrap_or(Basic::Float64);
        match round_to(&r, tb) {
            Some(x) => Some(ConstValue::Float(from_f64(x))),
            None => {
                let ts = self.tdisplay(t);
                let text = self.text(span);
                let vs = show_float(&r);
                self.err(
                    span,
                    format!("{text} (constant {vs} of type {ts}) overflows {ts}"),
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_round_like_go() {
        let r = |s: &str| round_to(&parse_float(s).unwrap(), Basic::Float64).unwrap();
        assert_eq!(r("0.1"), 0.1);
        assert_eq!(r("1e308"), 1e308);
        assert_eq!(r("4.9e-324"), 5e-324);
        assert_eq!(r("2.2250738585072011e-308"), 2.225_073_858_507_201e-308);
        assert_eq!(r("0x1.8p1"), 3.0);
        assert_eq!(r(".5"), 0.5);
        assert!(round_to(&parse_float("1e400").unwrap(), Basic::Float64).is_none());
        assert!(round_to(&parse_float("1e39").unwrap(), Basic::Float32).is_none());
        let f32v = round_to(&parse_float("0.1").unwrap(), Basic::Float32).unwrap();
        assert_eq!(f32v, f64::from(0.1f32));
        // 0.1*3 == 0.3 exactly as constants.
        let p = parse_float("0.1").unwrap() * from_int(3);
        assert_eq!(p, parse_float("0.3").unwrap());
    }

    #[test]
    fn shown_as_go_constant_strings() {
        let s = |x: &str| show_float(&parse_float(x).unwrap());
        assert_eq!(s("1.5"), "1.5");
        assert_eq!(s("1e400"), "1e+400");
        assert_eq!(s("1e39"), "1e+39");
        assert_eq!(s("256.0"), "256");
        assert_eq!(s("0.1"), "0.1");
        assert_eq!(s("1.0000001"), "1.0000001");
        assert_eq!(s("1e-7"), "1e-07");
        assert_eq!(s("1234567.5"), "1.23457e+06");
    }
}
