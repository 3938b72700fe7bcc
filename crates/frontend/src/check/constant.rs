//! Constants: integer literals, folding of constant operations over `i128`, Go's
//! representability rules, and the conversion of untyped operands to a type.
//!
//! Untyped integer constants are exact in Go; `i128` holds every value the subset's
//! types can represent with room for intermediate results, and an operation that
//! leaves it is reported as a constant overflow rather than wrapped.

use super::Checker;
use crate::ast::{BinOp, Span};
use crate::hir::{ConstValue, Expr, ExprKind, UnaryOp};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};

/// Parses an integer literal as written (`0x_FF`, `1_000`, `0o17`, `017`, `0b101`).
pub(crate) fn parse_int(lit: &str) -> Option<i128> {
    let s: String = lit.chars().filter(|&c| c != '_').collect();
    let (digits, radix) = if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (r, 16)
    } else if let Some(r) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
        (r, 8)
    } else if let Some(r) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
        (r, 2)
    } else if s.len() > 1 && s.starts_with('0') {
        (&s[1..], 8)
    } else {
        (s.as_str(), 10)
    };
    if digits.is_empty() {
        return None;
    }
    i128::from_str_radix(digits, radix).ok()
}

/// The range of an integer type.
pub(crate) fn int_range(b: Basic) -> Option<(i128, i128)> {
    Some(match b {
        Basic::Int | Basic::Int64 => (i64::MIN as i128, i64::MAX as i128),
        Basic::Int32 => (i32::MIN as i128, i32::MAX as i128),
        Basic::Uint8 => (0, u8::MAX as i128),
        Basic::Uint | Basic::Uint64 | Basic::Uintptr => (0, u64::MAX as i128),
        Basic::Int8 => (i8::MIN as i128, i8::MAX as i128),
        Basic::Int16 => (i16::MIN as i128, i16::MAX as i128),
        Basic::Uint16 => (0, u16::MAX as i128),
        Basic::Uint32 => (0, u32::MAX as i128),
        _ => return None,
    })
}

/// Go's quoting of a string in messages (`"a\n"`).
pub(crate) fn quote(bytes: &[u8]) -> String {
    let mut out = String::from("\"");
    for chunk in bytes.utf8_chunks() {
        for ch in chunk.valid().chars() {
            match ch {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                    out.push_str(&format!("\\x{:02x}", c as u32))
                }
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out.push('"');
    out
}

pub(crate) fn show(v: &ConstValue) -> String {
    match v {
        ConstValue::Int(i) => i.to_string(),
        ConstValue::Float(r) => super::float::show_float(r),
        ConstValue::Bool(b) => b.to_string(),
        ConstValue::Str(s) => quote(s),
        ConstValue::Nil => "nil".to_string(),
    }
}

/// How a failed implicit conversion of an untyped operand is reported.
#[derive(Clone, Copy, Debug)]
pub(crate) enum ConvCtx<'s> {
    /// `cannot use X as T value in <context>`.
    Assign(&'s str),
    /// `X overflows T` / mismatched types (an operand of a binary operator).
    Operand,
    /// An explicit conversion `T(x)`.
    Convert,
}

impl Checker<'_> {
    pub(crate) fn is_untyped(&self, t: TypeId) -> bool {
        matches!(
            self.types.kind(t),
            TypeKind::Basic(
                Basic::UntypedInt
                    | Basic::UntypedRune
                    | Basic::UntypedFloat
                    | Basic::UntypedBool
                    | Basic::UntypedString
                    | Basic::UntypedNil
            )
        )
    }

    pub(crate) fn default_type(&self, t: TypeId) -> TypeId {
        match self.types.kind(t) {
            TypeKind::Basic(Basic::UntypedInt) => TypeTable::basic(Basic::Int),
            TypeKind::Basic(Basic::UntypedRune) => TypeTable::basic(Basic::Int32),
            TypeKind::Basic(Basic::UntypedFloat) => TypeTable::basic(Basic::Float64),
            TypeKind::Basic(Basic::UntypedBool) => TypeTable::basic(Basic::Bool),
            TypeKind::Basic(Basic::UntypedString) => TypeTable::basic(Basic::String),
            _ => t,
        }
    }

    /// Gives an untyped operand its default type (`nil` stays untyped; callers report
    /// it where it matters).
    pub(crate) fn defaulted(&mut self, e: Expr) -> Expr {
        if self.is_untyped(e.ty) && !self.is_nil_type(e.ty) {
            let t = self.default_type(e.ty);
            return self.convert_untyped(e, t, ConvCtx::Assign("assignment"));
        }
        e
    }

    /// Converts an untyped operand to `target` (a typed type), checking that a constant
    /// is representable. A non-constant untyped operand (a comparison, a shift of an
    /// untyped constant by a variable count) is retyped throughout.
    pub(crate) fn convert_untyped(&mut self, mut e: Expr, target: TypeId, ctx: ConvCtx) -> Expr {
        if !self.is_untyped(e.ty) || self.is_invalid(target) {
            return e;
        }
        if self.types.is_interface(target) {
            if self.is_nil_type(e.ty) {
                e.ty = target;
                return e;
            }
            let t = self.default_type(e.ty);
            if self.types.under(target) != TypeTable::any() {
                // `error`: no basic type has an Error method.
                match ctx {
                    ConvCtx::Assign(c) => {
                        let typed = Expr { ty: t, ..e.clone() };
                        let d = self.describe(&typed);
                        let (ts, vs) = (self.tdisplay(target), self.tdisplay(t));
                        self.err(e.span, format!("cannot use {d} as {ts} value in {c}: {vs} does not implement {ts} (missing method Error)"));
                    }
                    ConvCtx::Operand => {
                        // gc spells the interface by its structure here.
                        let d = self.describe(&e);
                        self.err(
                            e.span,
                            format!("cannot convert {d} to type interface{{Error() string}}"),
                        );
                    }
                    ConvCtx::Convert => self.conv_error(&e, target, ctx, None),
                }
                e.ty = TypeTable::basic(Basic::Invalid);
                return e;
            }
            let inner = self.convert_untyped(e, t, ctx);
            return self.box_iface(inner, target);
        }
        let src = self.types.basic_of(e.ty);
        let tb = self.types.basic_of(target);
        let ok_kind = match src {
            Some(Basic::UntypedInt | Basic::UntypedRune | Basic::UntypedFloat) => {
                self.types.is_numeric(target)
            }
            Some(Basic::UntypedBool) => tb == Some(Basic::Bool),
            Some(Basic::UntypedString) => tb == Some(Basic::String),
            Some(Basic::UntypedNil) => matches!(
                self.types.under_kind(target),
                TypeKind::Pointer(_) | TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..)
            ),
            _ => false,
        };
        if !ok_kind {
            self.conv_error(&e, target, ctx, None);
            e.ty = TypeTable::basic(Basic::Invalid);
            return e;
        }
        let float_const = matches!(e.kind, ExprKind::Const(ConstValue::Float(_)));
        if float_const
            || (self.types.is_float(target)
                && matches!(e.kind, ExprKind::Const(ConstValue::Int(_))))
        {
            return self.convert_float_const(e, target, ctx);
        }
        match &e.kind {
            ExprKind::Const(ConstValue::Int(v)) => {
                let v = *v;
                if let Some((lo, hi)) = tb.and_then(int_range) {
                    if v < lo || v > hi {
                        self.conv_error(&e, target, ctx, Some("overflows"));
                        e.ty = TypeTable::basic(Basic::Invalid);
                        return e;
                    }
                }
                e.ty = target;
                e
            }
            ExprKind::Const(_) => {
                e.ty = target;
                e
            }
            _ => self.retype(e, target),
        }
    }

    /// Gives a non-constant untyped expression its type, down to the untyped constants
    /// it is made of.
    pub(crate) fn retype(&mut self, e: Expr, target: TypeId) -> Expr {
        let Expr { kind, ty, span } = e;
        let kind = match kind {
            ExprKind::Binary(op, l, r) if !is_comparison(op) => {
                let l = self.convert_untyped(*l, target, ConvCtx::Operand);
                let r = if matches!(op, BinOp::Shl | BinOp::Shr) {
                    *r
                } else {
                    self.convert_untyped(*r, target, ConvCtx::Operand)
                };
                if matches!(op, BinOp::Shl | BinOp::Shr) && !self.types.is_integer(target) {
                    let ts = self.tdisplay(target);
                    let text = self.text(span).to_string();
                    self.err(
                        span,
                        format!(
                            "invalid operation: shifted operand {text} (type {ts}) must be integer"
                        ),
                    );
                }
                ExprKind::Binary(op, Box::new(l), Box::new(r))
            }
            ExprKind::Unary(op, x) => ExprKind::Unary(
                op,
                Box::new(self.convert_untyped(*x, target, ConvCtx::Operand)),
            ),
            k => k,
        };
        let _ = ty;
        Expr {
            kind,
            ty: target,
            span,
        }
    }

    pub(crate) fn conv_error(&mut self, e: &Expr, target: TypeId, ctx: ConvCtx, why: Option<&str>) {
        let d = self.describe(e);
        let ts = self.tdisplay(target);
        let msg = match (ctx, why) {
            (ConvCtx::Assign(c), Some(w)) => format!("cannot use {d} as {ts} value in {c} ({w})"),
            (ConvCtx::Assign(c), None) => format!("cannot use {d} as {ts} value in {c}"),
            (ConvCtx::Operand, Some(w)) => format!("{d} {w} {ts}"),
            (ConvCtx::Operand, None) => format!("cannot convert {d} to type {ts}"),
            (ConvCtx::Convert, Some(_)) => match &e.kind {
                ExprKind::Const(v) => format!("constant {} overflows {ts}", show(v)),
                _ => format!("cannot convert {d} to type {ts}"),
            },
            (ConvCtx::Convert, None) => format!("cannot convert {d} to type {ts}"),
        };
        self.err(e.span, msg);
    }

    /// Checks that the typed constant result of an operation fits its type, with
    /// types2's wording (`c8 + 100 (constant 300 of type uint8) overflows uint8`); an
    /// untyped one only has to stay within `i128`.
    pub(crate) fn check_const_fits(&mut self, v: i128, t: TypeId, span: Span) -> bool {
        if let Some((lo, hi)) = self.types.basic_of(t).and_then(int_range) {
            if v < lo || v > hi {
                let ts = self.tdisplay(t);
                let text = self.text(span);
                self.err(
                    span,
                    format!("{text} (constant {v} of type {ts}) overflows {ts}"),
                );
                return false;
            }
        }
        true
    }

    /// Folds a binary operation on two constants of type `t` (both already converted
    /// to it). `None` after reporting an error.
    pub(crate) fn fold_binary(
        &mut self,
        op: BinOp,
        l: &ConstValue,
        r: &ConstValue,
        t: TypeId,
        span: Span,
        rspan: Span,
    ) -> Option<ConstValue> {
        use ConstValue as C;
        if matches!(l, C::Float(_)) || matches!(r, C::Float(_)) {
            let (a, b) = (super::float::as_rat(l)?, super::float::as_rat(r)?);
            return self.fold_float(op, &a, &b, t, span, rspan);
        }
        let v = match (l, r) {
            (C::Int(a), C::Int(b)) => {
                let (a, b) = (*a, *b);
                let unsigned = self.types.is_unsigned(t);
                let res = match op {
                    BinOp::Add => a.checked_add(b),
                    BinOp::Sub => a.checked_sub(b),
                    BinOp::Mul => a.checked_mul(b),
                    BinOp::Div | BinOp::Rem => {
                        if b == 0 {
                            self.err(rspan, "invalid operation: division by zero");
                            return None;
                        }
                        if op == BinOp::Div {
                            a.checked_div(b)
                        } else {
                            a.checked_rem(b)
                        }
                    }
                    BinOp::And => Some(a & b),
                    BinOp::Or => Some(a | b),
                    BinOp::Xor => Some(a ^ b),
                    BinOp::AndNot => Some(a & !b),
                    BinOp::Eq => return Some(C::Bool(a == b)),
                    BinOp::Ne => return Some(C::Bool(a != b)),
                    BinOp::Lt => return Some(C::Bool(a < b)),
                    BinOp::Le => return Some(C::Bool(a <= b)),
                    BinOp::Gt => return Some(C::Bool(a > b)),
                    BinOp::Ge => return Some(C::Bool(a >= b)),
                    _ => None,
                };
                let _ = unsigned;
                match res {
                    Some(v) => C::Int(v),
                    None => {
                        // Operands within 128 bits cannot pass gc's 512-bit limit
                        // with `+ - *`: Go accepts this, we cannot hold it.
                        self.err(span, WIDE_CONSTANTS);
                        return None;
                    }
                }
            }
            (C::Bool(a), C::Bool(b)) => C::Bool(match op {
                BinOp::LogAnd => *a && *b,
                BinOp::LogOr => *a || *b,
                BinOp::Eq => a == b,
                BinOp::Ne => a != b,
                _ => return None,
            }),
            (C::Str(a), C::Str(b)) => match op {
                BinOp::Add => {
                    let mut s = a.clone();
                    s.extend_from_slice(b);
                    C::Str(s)
                }
                BinOp::Eq => C::Bool(a == b),
                BinOp::Ne => C::Bool(a != b),
                BinOp::Lt => C::Bool(a < b),
                BinOp::Le => C::Bool(a <= b),
                BinOp::Gt => C::Bool(a > b),
                BinOp::Ge => C::Bool(a >= b),
                _ => return None,
            },
            _ => return None,
        };
        if let C::Int(i) = v {
            if !self.is_untyped(t) && !self.check_const_fits(i, t, span) {
                return None;
            }
        }
        Some(v)
    }

    /// Folds a constant shift; `count` is a non-negative constant. `op_at` is the
    /// operator, where gc reports `constant shift overflow`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn fold_shift(
        &mut self,
        op: BinOp,
        x: i128,
        count: i128,
        t: TypeId,
        span: Span,
        op_at: Span,
    ) -> Option<i128> {
        let v = if op == BinOp::Shl {
            if count >= 127 || (x != 0 && (x.unsigned_abs().leading_zeros() as i128) <= count) {
                if x == 0 {
                    Some(0)
                } else {
                    None
                }
            } else {
                Some(x << count)
            }
        } else if count >= 127 {
            Some(if x < 0 { -1 } else { 0 })
        } else {
            Some(x >> count)
        };
        match v {
            Some(v) => {
                if !self.is_untyped(t) && !self.check_const_fits(v, t, span) {
                    return None;
                }
                Some(v)
            }
            None => {
                let bits = 128 - x.unsigned_abs().leading_zeros() as i128 + count;
                if !self.is_untyped(t) {
                    let ts = self.tdisplay(t);
                    let text = self.text(span);
                    let v = shl_decimal(x, count);
                    self.err(
                        span,
                        format!("{text} (constant {v} of type {ts}) overflows {ts}"),
                    );
                } else if bits > 512 {
                    // gc's untyped constants hold 512 bits.
                    self.err(op_at, "constant shift overflow");
                } else {
                    self.err(span, WIDE_CONSTANTS);
                }
                None
            }
        }
    }

    /// Folds a unary operation on a constant of type `t`.
    pub(crate) fn fold_unary(
        &mut self,
        op: UnaryOp,
        v: &ConstValue,
        t: TypeId,
        span: Span,
    ) -> Option<ConstValue> {
        match (op, v) {
            (UnaryOp::Neg, ConstValue::Int(i)) => {
                let r = -*i;
                if !self.is_untyped(t) && !self.check_const_fits(r, t, span) {
                    return None;
                }
                Some(ConstValue::Int(r))
            }
            (UnaryOp::BitNot, ConstValue::Int(i)) => {
                // For unsigned types `^x` flips the bits within the type's width.
                let r = match self.types.basic_of(t) {
                    Some(Basic::Uint8) => (!*i) & 0xff,
                    Some(Basic::Uint | Basic::Uint64 | Basic::Uintptr) => {
                        (!*i) & (u64::MAX as i128)
                    }
                    Some(Basic::Uint16) => (!*i) & 0xffff,
                    Some(Basic::Uint32) => (!*i) & (u32::MAX as i128),
                    _ => !*i,
                };
                Some(ConstValue::Int(r))
            }
            (UnaryOp::Not, ConstValue::Bool(b)) => Some(ConstValue::Bool(!*b)),
            (UnaryOp::Neg, ConstValue::Float(r)) => Some(ConstValue::Float(-r.clone())),
            _ => None,
        }
    }

    /// Wraps an integer constant to the range of an integer type (for conversions of
    /// non-constant values the lowering wraps; this is for typed constant results).
    pub(crate) fn fits(&self, v: i128, t: TypeId) -> bool {
        match self.types.basic_of(t).and_then(int_range) {
            Some((lo, hi)) => v >= lo && v <= hi,
            None => true,
        }
    }
}

pub(crate) fn is_comparison(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
    )
}

/// What we say where Go's untyped constant arithmetic (512 bits) goes beyond our 128.
pub(crate) const WIDE_CONSTANTS: &str = "integer constants wider than 128 bits are not supported";

/// `x << count` in decimal, for an overflow message (`count` may pass 128 bits).
fn shl_decimal(x: i128, count: i128) -> String {
    // Little-endian base-10^9 digits of |x|, doubled `count` times.
    const BASE: u64 = 1_000_000_000;
    let mut m = x.unsigned_abs();
    let mut digits: Vec<u64> = Vec::new();
    while m > 0 {
        digits.push((m % BASE as u128) as u64);
        m /= BASE as u128;
    }
    for _ in 0..count.clamp(0, 4096) {
        let mut carry = 0;
        for d in digits.iter_mut() {
            let v = *d * 2 + carry;
            *d = v % BASE;
            carry = v / BASE;
        }
        if carry > 0 {
            digits.push(carry);
        }
    }
    let mut out = if x < 0 {
        "-".to_string()
    } else {
        String::new()
    };
    match digits.split_last() {
        None => out.push('0'),
        Some((hi, rest)) => {
            out.push_str(&hi.to_string());
            for d in rest.iter().rev() {
                out.push_str(&format!("{d:09}"));
            }
        }
    }
    out
}
