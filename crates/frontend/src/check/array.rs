//! Arrays `[N]T`: the length of an array type (a constant expression), array literals
//! (`[N]T{...}`, `[...]T{...}`, keyed elements), indexing and slicing arrays and
//! pointers to arrays, `len`/`cap` (constants), `==`, and `range`.
//!
//! The HIR has no array nodes of its own: an array literal is a `StructLit` of its N
//! elements (lowering gives `[N]T` the layout of a struct of N `T`s); `p[i]` of a
//! pointer to an array is `(*p)[i]`; slicing an array `a[lo:hi]` is slicing `&a`, which
//! marks `a` addressed; `range` over an array ranges over a slice of a copy, or over
//! the constant length when no value variable is used (Go then does not evaluate the
//! operand).

use super::expr::{const_int, mk};
use super::{Checker, Entity};
use crate::ast::{self, Span};
use crate::hir::{ConstValue, Expr, ExprKind, RangeKind, Stmt, StmtKind};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};

/// The largest array we take, in machine words: arrays are aggregate values, which
/// codegen splits into one value per word.
pub(crate) const MAX_ARRAY_WORDS: u64 = 1024;

impl Checker<'_> {
    /// `[len]elem`; `len` is `None` for `[...]elem` (only valid in a literal).
    pub(crate) fn array_type(
        &mut self,
        len: Option<&ast::Expr>,
        elem: &ast::TypeExpr,
        span: Span,
    ) -> TypeId {
        let inv = self.invalid();
        let Some(len) = len else {
            self.err(
                span,
                "invalid use of [...] array (outside a composite literal)",
            );
            return inv;
        };
        let n = self.array_len(len);
        let e = self.resolve_type(elem);
        match n {
            Some(n) if !self.is_invalid(e) => self.new_array(e, n, span),
            _ => inv,
        }
    }

    /// `[n]e`, or an error when it is too large for the subset.
    fn new_array(&mut self, e: TypeId, n: u64, span: Span) -> TypeId {
        if n.saturating_mul(self.words(e)) > MAX_ARRAY_WORDS {
            self.err(
                span,
                format!("arrays of more than {MAX_ARRAY_WORDS} machine words are not supported"),
            );
            return self.invalid();
        }
        self.types.array(e, n)
    }

    /// The number of machine words of a value of type `t` (codegen's split).
    fn words(&self, t: TypeId) -> u64 {
        match self.types.under_kind(t) {
            TypeKind::Basic(Basic::String | Basic::UntypedString) => 2,
            TypeKind::EmptyInterface | TypeKind::Error => 2,
            TypeKind::Slice(_) => 3,
            TypeKind::Struct(fs) => fs.iter().map(|f| self.words(f.ty)).sum::<u64>().max(1),
            TypeKind::Array(e, n) => n.saturating_mul(self.words(*e)).max(1),
            _ => 1,
        }
    }

    /// The value of an array length expression (types2's `arrayLength`).
    fn array_len(&mut self, len: &ast::Expr) -> Option<u64> {
        // A name that is not a constant is reported without being used.
        if let ast::ExprKind::Ident(name) = &len.kind {
            match self.lookup(name) {
                None => {
                    self.err(
                        len.span,
                        format!("undefined array length {name} or missing type constraint"),
                    );
                    return None;
                }
                Some(Entity::Const(..) | Entity::LazyConst(_) | Entity::Iota) => {}
                Some(_) => {
                    self.err(len.span, format!("invalid array length {name}"));
                    return None;
                }
            }
        }
        let v = self.expr(len);
        if self.is_invalid(v.ty) {
            return None;
        }
        let ExprKind::Const(c) = &v.kind else {
            let d = self.describe(&v);
            self.err(len.span, format!("array length {d} must be constant"));
            return None;
        };
        match c {
            ConstValue::Int(i) if self.types.is_integer(v.ty) => match u64::try_from(*i) {
                Ok(n) if *i < 1 << 62 => Some(n),
                _ => {
                    let d = self.describe(&v);
                    self.err(len.span, format!("invalid array length {d}"));
                    None
                }
            },
            _ => {
                let d = self.describe(&v);
                self.err(len.span, format!("array length {d} must be integer"));
                None
            }
        }
    }

    /// A composite literal of an array type: `n` is `None` for `[...]T{...}`, whose
    /// length is that of its elements.
    pub(crate) fn array_lit(
        &mut self,
        t: Option<TypeId>,
        elem: TypeId,
        n: Option<u64>,
        elems: &[ast::Element],
        span: Span,
    ) -> Expr {
        let mut out: Vec<Option<Expr>> = Vec::new();
        let mut pos: u64 = 0;
        for el in elems {
            if let Some(key) = &el.key {
                let k = self.expr(key);
                match const_int(&k) {
                    Some(i) if i >= 0 && n.is_some_and(|n| i as u64 >= n) => {
                        let n = n.unwrap_or(0);
                        self.err(
                            key.span,
                            format!("invalid argument: index {i} out of bounds [0:{n}]"),
                        );
                        return self.invalid_expr(span);
                    }
                    Some(i) if (0..1 << 31).contains(&i) => pos = i as u64,
                    _ => {
                        if !self.is_invalid(k.ty) {
                            let d = self.describe(&k);
                            self.err(key.span, format!("index {d} must be integer constant"));
                        }
                        return self.invalid_expr(span);
                    }
                }
            } else if let Some(n) = n.filter(|&n| pos >= n) {
                self.err(
                    el.value.span,
                    format!("index {pos} is out of bounds (>= {n})"),
                );
                return self.invalid_expr(span);
            }
            let v = self.elem_value(&el.value, elem, "array or slice literal");
            let p = pos as usize;
            if out.len() <= p {
                out.resize(p + 1, None);
            }
            if out[p].is_some() {
                self.err(
                    el.span,
                    format!("duplicate index {pos} in array or slice literal"),
                );
                return self.invalid_expr(span);
            }
            out[p] = Some(v);
            pos += 1;
        }
        let len = n.unwrap_or(out.len() as u64);
        let t = match t {
            Some(t) => t,
            None => self.new_array(elem, len, span),
        };
        if self.is_invalid(t) {
            return self.invalid_expr(span);
        }
        out.resize(len as usize, None);
        let vals = out
            .into_iter()
            .map(|v| v.unwrap_or_else(|| mk(ExprKind::Zero, elem, span)))
            .collect();
        mk(ExprKind::StructLit(vals), t, span)
    }

    /// `[N]T` or `*[N]T`: the element type, the length, and whether through a pointer.
    pub(crate) fn array_parts(&self, t: TypeId) -> Option<(TypeId, u64, bool)> {
        match self.types.under_kind(t) {
            TypeKind::Array(e, n) => Some((*e, *n, false)),
            TypeKind::Pointer(p) => match self.types.under_kind(*p) {
                TypeKind::Array(e, n) => Some((*e, *n, true)),
                _ => None,
            },
            _ => None,
        }
    }

    /// The operand of an index expression on an array or a pointer to one: the array
    /// (`*p` for a pointer), its element type and length.
    pub(crate) fn array_index_base(&mut self, base: Expr) -> Option<(Expr, TypeId, i128)> {
        let (e, n, ptr) = self.array_parts(base.ty)?;
        let base = if ptr {
            let span = base.span;
            self.deref(base, span)
        } else {
            base
        };
        Some((base, e, n as i128))
    }

    /// The operand of a slice expression on an array (which must be addressable; its
    /// address is taken) or a pointer to one: the pointer, the slice type and the length.
    pub(crate) fn array_slice_base(
        &mut self,
        base: Expr,
    ) -> Option<Result<(Expr, TypeId, i128), ()>> {
        let (e, n, ptr) = self.array_parts(base.ty)?;
        let st = self.types.slice(e);
        if ptr {
            return Some(Ok((base, st, n as i128)));
        }
        if !self.is_addressable(&base) {
            let d = self.describe(&base);
            self.err(base.span, format!("cannot slice unaddressable value {d}"));
            return Some(Err(()));
        }
        self.mark_place_addressed(&base);
        let pt = self.types.pointer(base.ty);
        let span = base.span;
        Some(Ok((
            mk(ExprKind::AddrOf(Box::new(base)), pt, span),
            st,
            n as i128,
        )))
    }

    /// `len(a)`/`cap(a)` of an array or a pointer to one: the constant, unless the
    /// operand holds a call (then Go evaluates it; lowering does, and gives the length).
    pub(crate) fn array_len_of(&self, v: &Expr, span: Span) -> Option<Expr> {
        let (_, n, _) = self.array_parts(v.ty)?;
        let int_t = TypeTable::basic(Basic::Int);
        if has_call(v) {
            return None;
        }
        Some(mk(ExprKind::Const(ConstValue::Int(n as i128)), int_t, span))
    }

    /// `for k, v := range a` over an array or a pointer to one: the range kind, the
    /// expression ranged over, the element type, and a statement to run first.
    pub(crate) fn array_range(
        &mut self,
        r: Expr,
        with_value: bool,
    ) -> Option<(RangeKind, Expr, TypeId, Option<Stmt>)> {
        let (e, n, ptr) = self.array_parts(r.ty)?;
        let int_t = TypeTable::basic(Basic::Int);
        let span = r.span;
        if !with_value {
            // Go: with at most one iteration variable and a constant length, the range
            // expression is not evaluated.
            let c = mk(ExprKind::Const(ConstValue::Int(n as i128)), int_t, span);
            return Some((RangeKind::Int, c, e, None));
        }
        let st = self.types.slice(e);
        let slice = |base: Expr| {
            mk(
                ExprKind::SliceExpr {
                    base: Box::new(base),
                    lo: None,
                    hi: None,
                    max: None,
                },
                st,
                span,
            )
        };
        if ptr {
            // The elements are read from the array as the loop goes.
            return Some((RangeKind::Slice, slice(r), e, None));
        }
        // An array is ranged over as a copy made before the loop.
        let tmp = self.temp_local(r.ty, span);
        self.mark_addressed(tmp);
        let ty = r.ty;
        let decl = Stmt {
            kind: StmtKind::Declare {
                locals: vec![tmp],
                values: vec![r],
            },
            span,
        };
        let pt = self.types.pointer(ty);
        let addr = mk(
            ExprKind::AddrOf(Box::new(mk(ExprKind::Local(tmp), ty, span))),
            pt,
            span,
        );
        Some((RangeKind::Slice, slice(addr), e, Some(decl)))
    }
}

/// Whether evaluating `e` may call a function (so `len(e)` of an array is not constant).
fn has_call(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Const(_) | ExprKind::Zero | ExprKind::Local(_) | ExprKind::Global(_) => false,
        ExprKind::FuncRef(_) | ExprKind::FuncLit(_) | ExprKind::MethodExpr { .. } => false,
        ExprKind::Field { base, .. } | ExprKind::Deref(base) | ExprKind::AddrOf(base) => {
            has_call(base)
        }
        ExprKind::Convert(x) | ExprKind::Unary(_, x) => has_call(x),
        ExprKind::Index { base, index } => has_call(base) || has_call(index),
        ExprKind::Binary(_, a, b) => has_call(a) || has_call(b),
        ExprKind::StructLit(xs) => xs.iter().any(has_call),
        _ => true,
    }
}
