//! Which `s = append(s, ...)` sites take gc's 32-byte stack buffer.
//!
//! gc 1.25+ (go1.27 `cmd/compile/internal/ssagen/ssa.go`, `(*state).append`) gives an
//! `append` whose result does not escape (escape analysis marks it `EscNone`) a
//! per-call stack backing store of 32 bytes: the first such site of a slice variable in
//! the function, when it must grow, checks `newLen <= K && !used && oldLen == 0`
//! (`K = 32 / elemsize`, `used` a flag cleared at function entry) and then takes the
//! store with capacity `K`. Later sites, and later growth, use `growslice`.
//!
//! We do not reproduce gc's escape analysis. This is a conservative approximation:
//! a site is marked only when gc certainly treats it that way, so every other program
//! keeps plain `growslice`, as before. A slice variable qualifies when
//! - it is a plain local (`var`/`:=`, not a parameter or result) of a top-level function
//!   or method, never captured by a closure nor address-taken (so gc keeps it in SSA
//!   form and `s = append(s, ...)` is not the "in place" form that skips the buffer);
//! - every mention of it is one gc's escape analysis never lets the backing store leave
//!   through: `len`, `cap`, indexing (read or written, not `&s[i]`), `copy` operands,
//!   the spread operand of an `append`, `string(s)`, `s == nil`, slicing into one of those, the
//!   reassignments `s = s[i:j]` and `s = append(s, ...)`, and assignments of other
//!   values to it (but no `append` of another slice, whose site gc would key on that
//!   slice). Not `range s` either: gc's `slice` pass (`slice.go`) treats a range as an
//!   exclusivity transition and may switch the appends to `growsliceBuf`.
//!
//! The `used` flag lives in gc's frame, which an inlined function shares with its
//! caller: a function inlined at a call site that runs several times per caller frame
//! sees the flag already set. So the function must be "fresh per call": never
//! inlined (`//go:noinline`, or a body with `defer`), or only ever called directly from
//! outside any loop of a function that is itself fresh per call (`main`, never called,
//! qualifies). Function literals, functions used as values and `Error` methods (which
//! gc may devirtualise and inline) do not qualify.
//!
//! "First" is gc's SSA generation order: statements in order, a `for` loop's condition,
//! body, then post statement.
//!
//! Slices that escape through exactly one "transition" are `move2heap`'s business
//! (gc's `slice` pass); see the `move2heap` module below.

use crate::ast::BinOp;
use crate::hir::{
    Builtin, ConstValue, Expr, ExprKind, FuncId, LocalId, LocalKind, Program, RangeTarget, Stmt,
    StmtKind,
};
use crate::types::{Basic, TypeKind, TypeTable};
use std::collections::{HashMap, HashSet};

/// How a buffered `append` site grows its slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiteKind {
    /// gc's standard strategy: the first site takes the whole store when the slice is
    /// empty and the store unused in this call (runtime `grow_slice_buf`).
    First,
    /// `UseBuf` (slice.go, capacity observed): every site climbs the size classes
    /// inside the store while the new length fits (runtime `grow_slice_buf_cap`).
    Climb,
}

/// What lowering does with gc's stack backing stores.
#[derive(Default)]
pub struct AppendPlan {
    /// The `append` expressions (`ExprKind::Builtin` nodes, by address) that use a
    /// store: the variable that owns the store (one per variable and call) and how.
    pub sites: HashMap<*const Expr, (LocalId, SiteKind)>,
    /// slice.go's `s = move2heap(s)`, inserted before the statement (by address):
    /// the variable, and whether the capacity is preserved (`moveSlice`) or rounded
    /// to the size class of the length (`moveSliceNoCap`).
    pub moves: HashMap<*const Stmt, Vec<(LocalId, bool)>>,
}

/// Finds the buffered append sites and moves of the whole program.
pub fn analyze(prog: &Program) -> AppendPlan {
    let fresh = fresh_per_call(prog);
    let never_inlined = never_inlined(prog);
    let mut out = AppendPlan::default();
    for (i, f) in prog.funcs.iter().enumerate() {
        move2heap::analyze(prog, f, fresh[i], never_inlined[i], &mut out);
        if !fresh[i] {
            continue;
        }
        let candidates: HashSet<LocalId> = f
            .locals
            .iter()
            .enumerate()
            .filter(|(_, l)| {
                l.kind == LocalKind::Var
                    && !l.addressed
                    && matches!(prog.types.under_kind(l.ty), TypeKind::Slice(_))
            })
            .map(|(j, _)| LocalId(j as u32))
            .collect();
        if candidates.is_empty() {
            continue;
        }
        let mut u = Uses {
            types: &prog.types,
            candidates,
            escaped: HashSet::new(),
            sites: Vec::new(),
        };
        u.block(&f.body);
        let mut seen = HashSet::new();
        for (l, e) in u.sites {
            if !u.escaped.contains(&l) && seen.insert(l) {
                out.sites.insert(e, (l, SiteKind::First));
            }
        }
    }
    out
}

/// Whether each function's frame is its own on every call (see the module doc).
fn fresh_per_call(prog: &Program) -> Vec<bool> {
    let n = prog.funcs.len();
    let mut refs = Refs {
        calls: Vec::new(),
        as_value: vec![false; n],
        has_defer: vec![false; n],
        caller: None,
        depth: 0,
    };
    for (i, f) in prog.funcs.iter().enumerate() {
        refs.caller = Some(FuncId(i as u32));
        refs.depth = 0;
        refs.block(&f.body);
    }
    refs.caller = None;
    refs.depth = 0;
    for init in &prog.inits {
        for v in &init.values {
            refs.expr(v);
        }
    }
    let never_inlined: Vec<bool> = (0..n)
        .map(|i| prog.funcs[i].noinline || refs.has_defer[i])
        .collect();
    let mut fresh: Vec<bool> = (0..n)
        .map(|i| {
            let f = &prog.funcs[i];
            never_inlined[i]
                || (f.parent.is_none()
                    && !refs.as_value[i]
                    && !(f.is_method && f.name.ends_with(".Error")))
        })
        .collect();
    // Greatest fixed point: a call from a loop, or from a function that is not fresh
    // per call, makes an inlinable callee not fresh either.
    loop {
        let mut changed = false;
        for &(caller, callee, in_loop) in &refs.calls {
            let c = callee.0 as usize;
            if never_inlined[c] || !fresh[c] {
                continue;
            }
            let caller_fresh = caller.is_none_or(|cf| fresh[cf.0 as usize]);
            if in_loop || !caller_fresh {
                fresh[c] = false;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    fresh
}

/// Whether gc never inlines each function: `//go:noinline`, or a body with `defer`.
fn never_inlined(prog: &Program) -> Vec<bool> {
    prog.funcs
        .iter()
        .map(|f| f.noinline || contains_defer(&f.body))
        .collect()
}

fn contains_defer(b: &[Stmt]) -> bool {
    b.iter().any(|s| match &s.kind {
        StmtKind::Defer(_) => true,
        StmtKind::Block(b) => contains_defer(b),
        StmtKind::If { then, els, .. } => contains_defer(then) || contains_defer(els),
        StmtKind::For { post, body, .. } => contains_defer(post) || contains_defer(body),
        StmtKind::Range { body, .. } => contains_defer(body),
        StmtKind::Switch { cases, .. } => cases.iter().any(|c| contains_defer(&c.body)),
        StmtKind::TypeSwitch { cases, .. } => cases.iter().any(|c| contains_defer(&c.body)),
        _ => false,
    })
}

/// Call sites and other references of functions.
struct Refs {
    /// (caller, callee, inside a loop of the caller); caller `None` is the package
    /// initialiser.
    calls: Vec<(Option<FuncId>, FuncId, bool)>,
    as_value: Vec<bool>,
    has_defer: Vec<bool>,
    caller: Option<FuncId>,
    depth: u32,
}

impl Refs {
    fn block(&mut self, b: &[Stmt]) {
        for s in b {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Declare { values, .. } => values.iter().for_each(|v| self.expr(v)),
            StmtKind::Assign { places, values } => {
                places.iter().flatten().for_each(|p| self.expr(p));
                values.iter().for_each(|v| self.expr(v));
            }
            StmtKind::OpAssign { place, value, .. } => {
                self.expr(place);
                self.expr(value);
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::If { cond, then, els } => {
                self.expr(cond);
                self.block(then);
                self.block(els);
            }
            StmtKind::For {
                cond, post, body, ..
            } => {
                self.depth += 1;
                if let Some(c) = cond {
                    self.expr(c);
                }
                self.block(body);
                self.block(post);
                self.depth -= 1;
            }
            StmtKind::Range {
                range,
                key,
                value,
                body,
                ..
            } => {
                self.expr(range);
                self.depth += 1;
                for t in [key, value].into_iter().flatten() {
                    if let RangeTarget::Assign(p) = t {
                        self.expr(p);
                    }
                }
                self.block(body);
                self.depth -= 1;
            }
            StmtKind::Switch { cases, .. } => {
                for c in cases {
                    c.conds.iter().for_each(|e| self.expr(e));
                    self.block(&c.body);
                }
            }
            StmtKind::TypeSwitch { subject, cases, .. } => {
                self.expr(subject);
                for c in cases {
                    self.block(&c.body);
                }
            }
            StmtKind::Break(_) | StmtKind::Continue(_) => {}
            StmtKind::Return(vals) => vals.iter().flatten().for_each(|v| self.expr(v)),
            StmtKind::Defer(e) => {
                if let Some(c) = self.caller {
                    self.has_defer[c.0 as usize] = true;
                }
                self.expr(e);
            }
        }
    }

    fn call(&mut self, callee: FuncId) {
        self.calls.push((self.caller, callee, self.depth > 0));
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Call { callee, args } => {
                if let ExprKind::FuncRef(f) = callee.kind {
                    self.call(f);
                } else {
                    self.expr(callee);
                }
                args.iter().for_each(|a| self.expr(a));
            }
            ExprKind::MethodCall { func, recv, args } => {
                self.call(*func);
                self.expr(recv);
                args.iter().for_each(|a| self.expr(a));
            }
            ExprKind::FuncRef(f)
            | ExprKind::MethodValue { func: f, .. }
            | ExprKind::MethodExpr { func: f, .. } => {
                self.as_value[f.0 as usize] = true;
                if let ExprKind::MethodValue { recv, .. } = &e.kind {
                    self.expr(recv);
                }
            }
            // A literal's body is walked as a function of its own; it is not fresh
            // per call, and neither is anything it calls inlinably.
            ExprKind::FuncLit(_) => {}
            _ => for_each_child(e, |c| self.expr(c)),
        }
    }
}

/// Calls `f` on each direct subexpression of `e`.
fn for_each_child(e: &Expr, mut f: impl FnMut(&Expr)) {
    match &e.kind {
        ExprKind::Const(_)
        | ExprKind::Zero
        | ExprKind::Local(_)
        | ExprKind::Global(_)
        | ExprKind::FuncRef(_)
        | ExprKind::MethodExpr { .. }
        | ExprKind::FuncLit(_) => {}
        ExprKind::Unary(_, x)
        | ExprKind::Spread(x)
        | ExprKind::Field { base: x, .. }
        | ExprKind::Deref(x)
        | ExprKind::AddrOf(x)
        | ExprKind::Convert(x)
        | ExprKind::ToIface(x)
        | ExprKind::TypeAssert { x, .. }
        | ExprKind::MethodValue { recv: x, .. } => f(x),
        ExprKind::Binary(_, a, b)
        | ExprKind::Index {
            base: a, index: b, ..
        } => {
            f(a);
            f(b);
        }
        ExprKind::Call { callee, args } => {
            f(callee);
            args.iter().for_each(f);
        }
        ExprKind::MethodCall { recv, args, .. } => {
            f(recv);
            args.iter().for_each(f);
        }
        ExprKind::Builtin { args, .. }
        | ExprKind::Lib { args, .. }
        | ExprKind::StructLit(args)
        | ExprKind::SliceLit(args)
        | ExprKind::VarArgs(args) => args.iter().for_each(f),
        ExprKind::MapIndex { map, key, .. } => {
            f(map);
            f(key);
        }
        ExprKind::MapLit(kvs) => {
            for (k, v) in kvs {
                f(k);
                f(v);
            }
        }
        ExprKind::SliceExpr { base, lo, hi, max } => {
            f(base);
            for b in [lo, hi, max].into_iter().flatten() {
                f(b);
            }
        }
    }
}

/// The uses of the candidate slices of one function.
struct Uses<'p> {
    types: &'p TypeTable,
    candidates: HashSet<LocalId>,
    /// Candidates with a use we cannot vouch for.
    escaped: HashSet<LocalId>,
    /// `s = append(s, v...)` sites in gc's SSA order.
    sites: Vec<(LocalId, *const Expr)>,
}

impl Uses<'_> {
    fn candidate(&self, e: &Expr) -> Option<LocalId> {
        match e.kind {
            ExprKind::Local(l) if self.candidates.contains(&l) => Some(l),
            _ => None,
        }
    }

    fn block(&mut self, b: &[Stmt]) {
        for s in b {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Declare { locals, values } => {
                if locals.len() == values.len() {
                    for (l, v) in locals.iter().zip(values) {
                        self.assigned(*l, v);
                    }
                } else {
                    values.iter().for_each(|v| self.expr(v));
                }
            }
            StmtKind::Assign { places, values } => {
                if places.len() == 1 && values.len() == 1 {
                    if let Some(Some(p)) = places.first() {
                        if let Some(l) = self.candidate(p) {
                            self.assigned(l, &values[0]);
                            return;
                        }
                    }
                }
                for p in places.iter().flatten() {
                    self.place(p);
                }
                values.iter().for_each(|v| self.expr(v));
            }
            StmtKind::OpAssign { place, value, .. } => {
                self.place(place);
                self.expr(value);
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::If { cond, then, els } => {
                self.expr(cond);
                self.block(then);
                self.block(els);
            }
            StmtKind::For {
                cond, post, body, ..
            } => {
                if let Some(c) = cond {
                    self.expr(c);
                }
                self.block(body);
                self.block(post);
            }
            StmtKind::Range {
                range,
                key,
                value,
                body,
                ..
            } => {
                self.expr(range);
                for t in [key, value].into_iter().flatten() {
                    if let RangeTarget::Assign(p) = t {
                        self.place(p);
                    }
                }
                self.block(body);
            }
            StmtKind::Switch { cases, .. } => {
                for c in cases {
                    c.conds.iter().for_each(|e| self.expr(e));
                }
                for c in cases {
                    self.block(&c.body);
                }
            }
            StmtKind::TypeSwitch { subject, cases, .. } => {
                self.expr(subject);
                for c in cases {
                    self.block(&c.body);
                }
            }
            StmtKind::Break(_) | StmtKind::Continue(_) => {}
            StmtKind::Return(vals) => vals.iter().flatten().for_each(|v| self.expr(v)),
            StmtKind::Defer(e) => self.expr(e),
        }
    }

    /// `l = v` for a candidate `l` (a declaration's initial value too).
    fn assigned(&mut self, l: LocalId, v: &Expr) {
        if !self.candidates.contains(&l) {
            self.expr(v);
            return;
        }
        match &v.kind {
            ExprKind::Builtin {
                builtin: b @ (Builtin::Append | Builtin::AppendSpread),
                args,
            } if self.candidate(&args[0]) == Some(l) => {
                // `s = append(s, ...)`: only a fixed number of values takes the buffer
                // (gc lowers `append(s, t...)` before SSA); `append(s)` is `s`.
                if *b == Builtin::Append && args.len() > 1 {
                    self.sites.push((l, v as *const Expr));
                }
                args[1..].iter().for_each(|a| self.operand(a));
            }
            ExprKind::Builtin {
                builtin: Builtin::Append | Builtin::AppendSpread,
                ..
            } => {
                // gc would key a buffer on the other slice; keep away.
                self.escaped.insert(l);
                self.expr(v);
            }
            ExprKind::SliceExpr { base, lo, hi, max } if self.candidate(base) == Some(l) => {
                for b in [lo, hi, max].into_iter().flatten() {
                    self.expr(b);
                }
            }
            _ => self.expr(v),
        }
    }

    /// An assignment target.
    fn place(&mut self, p: &Expr) {
        if self.candidate(p).is_some() {
            // A plain store to the variable (its old value goes nowhere).
            return;
        }
        self.expr(p);
    }

    /// An operand that gc's escape analysis only reads through (`len`, `cap`, `copy`,
    /// the spread of `append`, the base of an index): a candidate or a slice of one is
    /// fine here.
    fn operand(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Local(l) if self.candidates.contains(l) => {}
            ExprKind::SliceExpr { base, lo, hi, max } => {
                self.operand(base);
                for b in [lo, hi, max].into_iter().flatten() {
                    self.expr(b);
                }
            }
            _ => self.expr(e),
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Local(l) => {
                if self.candidates.contains(l) {
                    self.escaped.insert(*l);
                }
            }
            ExprKind::Builtin {
                builtin: Builtin::Len | Builtin::Cap | Builtin::Copy,
                args,
            } => args.iter().for_each(|a| self.operand(a)),
            ExprKind::Builtin {
                builtin: Builtin::AppendSpread,
                args,
            } if args.len() == 2 => {
                self.expr(&args[0]);
                self.operand(&args[1]);
            }
            ExprKind::Index { base, index } => {
                self.operand(base);
                self.expr(index);
            }
            // `string(b)` copies the bytes (gc: OBYTES2STR discards its operand).
            ExprKind::Convert(x)
                if self.candidate(x).is_some()
                    && self.types.basic_of(e.ty) == Some(Basic::String) => {}
            ExprKind::AddrOf(x) => {
                // `&s[i]` (or a field of it) points into the backing store.
                let mut root = &**x;
                while let ExprKind::Field { base, .. } = &root.kind {
                    root = base;
                }
                if let ExprKind::Index { base, .. } = &root.kind {
                    self.escape_all(base);
                }
                self.expr(x);
            }
            ExprKind::Binary(BinOp::Eq | BinOp::Ne, a, b)
                if matches!(b.kind, ExprKind::Const(ConstValue::Nil))
                    && self.candidate(a).is_some() => {}
            ExprKind::Binary(BinOp::Eq | BinOp::Ne, a, b)
                if matches!(a.kind, ExprKind::Const(ConstValue::Nil))
                    && self.candidate(b).is_some() => {}
            _ => for_each_child(e, |c| self.expr(c)),
        }
    }

    /// Marks every candidate mentioned in `e` as escaping.
    fn escape_all(&mut self, e: &Expr) {
        if let Some(l) = self.candidate(e) {
            self.escaped.insert(l);
        }
        for_each_child(e, |c| self.escape_all(c));
    }
}

/// gc's `slice` pass (go1.27 `cmd/compile/internal/slice/slice.go`), for the shapes we
/// can decide exactly.
///
/// A slice variable whose every mention is one slice.go understands, and that has
/// exactly one exclusive->nonexclusive transition (`return s`, a bare `return` of a
/// named result `s`, `... = s`, `range s`) not inside a loop deeper than its
/// declaration, and whose `s = append(s, ...)` sites weigh at least 2 (1 + the loop
/// depth below the declaration each), gets `s = move2heap(s)` before the transition,
/// and its appends are marked non-escaping: if the capacity is observed (`cap(s)`,
/// `s = s[i:j]`, `s = []T{...}`), every fixed-count append site uses `growsliceBuf`
/// (`SiteKind::Climb`) and move2heap keeps the capacity; otherwise the first site in
/// SSA order takes the standard buffer (`SiteKind::First`) and move2heap rounds the
/// capacity to the size class of the length.
///
/// Understood mentions: the declaration, `s[i]` (read or written), `len(s)`,
/// `cap(s)`, `s = nil`, `s = []T{...}`, `s = s[i:j]`, `s = append(s, ...)` and the
/// transitions. gc also accepts `f(s)` when escape analysis proves the callee does not
/// leak its parameter; we do not reproduce that, so any call argument gives up on the
/// variable (as does every other mention), which leaves today's plain `growslice`.
///
/// The analysis runs after gc's inlining, on the inlined copies too. A local declared
/// in the body behaves the same in an inlined copy (its `return s` becomes an
/// assignment to the result temporary: still one transition at the same relative
/// depth), so locals are handled in every function. Parameters and results turn into
/// assignments from the caller's arguments when inlined, so they are handled only in
/// functions gc never inlines. The standard buffer's `used` flag lives in gc's frame,
/// shared with the caller when inlined, so `SiteKind::First` needs a function that is
/// fresh per call (see `fresh_per_call`); `growsliceBuf` has no flag and does not.
mod move2heap {
    use super::{for_each_child, AppendPlan, SiteKind};
    use crate::hir::{
        Builtin, ConstValue, Expr, ExprKind, Func, LocalId, LocalKind, Program, RangeKind,
        RangeTarget, Stmt, StmtKind,
    };
    use crate::types::TypeKind;
    use std::collections::HashMap;

    #[derive(Default)]
    struct Info {
        dropped: bool,
        transition: Option<*const Stmt>,
        /// Fixed-count `s = append(s, v...)` sites, in gc's SSA order.
        appends: Vec<*const Expr>,
        weight: u32,
        decl_depth: u32,
        cap_used: bool,
    }

    struct Walk {
        infos: HashMap<LocalId, Info>,
        named_rets: Vec<LocalId>,
        depth: u32,
    }

    pub(super) fn analyze(
        prog: &Program,
        f: &Func,
        fresh: bool,
        never_inlined: bool,
        out: &mut AppendPlan,
    ) {
        let mut infos = HashMap::new();
        for (j, l) in f.locals.iter().enumerate() {
            let kind_ok = match l.kind {
                LocalKind::Var => true,
                LocalKind::Param | LocalKind::Result => never_inlined,
                LocalKind::Capture(_) => false,
            };
            if kind_ok && !l.addressed && matches!(prog.types.under_kind(l.ty), TypeKind::Slice(_))
            {
                infos.insert(LocalId(j as u32), Info::default());
            }
        }
        if infos.is_empty() {
            return;
        }
        let named_rets = if f.named_results {
            f.results.clone()
        } else {
            Vec::new()
        };
        let mut w = Walk {
            infos,
            named_rets,
            depth: 0,
        };
        w.block(&f.body);
        let mut chosen: Vec<(LocalId, Info)> = w
            .infos
            .into_iter()
            .filter(|(_, i)| !i.dropped && i.transition.is_some() && i.weight >= 2)
            .collect();
        chosen.sort_by_key(|(l, _)| *l);
        for (l, i) in chosen {
            if !i.cap_used && !fresh {
                // gc's `used` flag would be the caller's; not decidable here.
                continue;
            }
            let kind = if i.cap_used {
                SiteKind::Climb
            } else {
                SiteKind::First
            };
            let sites = if i.cap_used {
                &i.appends[..]
            } else {
                &i.appends[..i.appends.len().min(1)]
            };
            for &e in sites {
                out.sites.insert(e, (l, kind));
            }
            out.moves
                .entry(i.transition.unwrap())
                .or_default()
                .push((l, i.cap_used));
        }
    }

    fn is_nil(e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Const(ConstValue::Nil) | ExprKind::Zero => true,
            ExprKind::Convert(x) => is_nil(x),
            _ => false,
        }
    }

    impl Walk {
        fn tracked(&self, e: &Expr) -> Option<LocalId> {
            match e.kind {
                ExprKind::Local(l) if self.infos.get(&l).is_some_and(|i| !i.dropped) => Some(l),
                _ => None,
            }
        }

        fn drop_var(&mut self, l: LocalId) {
            if let Some(i) = self.infos.get_mut(&l) {
                i.dropped = true;
            }
        }

        fn transition(&mut self, l: LocalId, s: &Stmt) {
            let depth = self.depth;
            let i = self.infos.get_mut(&l).expect("tracked");
            if i.transition.is_some() || depth > i.decl_depth {
                i.dropped = true;
            } else {
                i.transition = Some(s as *const Stmt);
            }
        }

        fn block(&mut self, b: &[Stmt]) {
            for s in b {
                self.stmt(s);
            }
        }

        fn stmt(&mut self, s: &Stmt) {
            match &s.kind {
                StmtKind::Expr(e) => self.expr(e),
                StmtKind::Declare { locals, values } => {
                    for l in locals {
                        let depth = self.depth;
                        if let Some(i) = self.infos.get_mut(l) {
                            i.decl_depth = depth;
                        }
                    }
                    if values.is_empty() {
                        // `var s []T`.
                    } else if values.len() == locals.len() {
                        for (l, v) in locals.iter().zip(values) {
                            self.assign(Some(*l), None, v, s);
                        }
                    } else {
                        // `a, s := f()`: not understood.
                        for l in locals {
                            self.drop_var(*l);
                        }
                        values.iter().for_each(|v| self.expr(v));
                    }
                }
                StmtKind::Assign { places, values } => {
                    if places.len() == values.len() {
                        for (p, v) in places.iter().zip(values) {
                            match p {
                                Some(p) => match self.tracked(p) {
                                    Some(l) => self.assign(Some(l), None, v, s),
                                    None => self.assign(None, Some(p), v, s),
                                },
                                None => self.assign(None, None, v, s),
                            }
                        }
                    } else {
                        places.iter().flatten().for_each(|p| self.expr(p));
                        values.iter().for_each(|v| self.expr(v));
                    }
                }
                StmtKind::OpAssign { place, value, .. } => {
                    self.expr(place);
                    self.expr(value);
                }
                StmtKind::Block(b) => self.block(b),
                StmtKind::If { cond, then, els } => {
                    self.expr(cond);
                    self.block(then);
                    self.block(els);
                }
                StmtKind::For {
                    cond, post, body, ..
                } => {
                    self.depth += 1;
                    if let Some(c) = cond {
                        self.expr(c);
                    }
                    self.block(body);
                    self.block(post);
                    self.depth -= 1;
                }
                StmtKind::Range {
                    kind,
                    range,
                    key,
                    value,
                    body,
                    ..
                } => {
                    match self.tracked(range) {
                        Some(l) if *kind == RangeKind::Slice => self.transition(l, s),
                        _ => self.expr(range),
                    }
                    self.depth += 1;
                    for t in [key, value].into_iter().flatten() {
                        match t {
                            RangeTarget::Assign(p) => self.expr(p),
                            // gc counts the iteration variables' mentions as not
                            // understood.
                            RangeTarget::Define(l) => self.drop_var(*l),
                        }
                    }
                    self.block(body);
                    self.depth -= 1;
                }
                StmtKind::Switch { cases, .. } => {
                    for c in cases {
                        c.conds.iter().for_each(|e| self.expr(e));
                    }
                    for c in cases {
                        self.block(&c.body);
                    }
                }
                StmtKind::TypeSwitch { subject, cases, .. } => {
                    self.expr(subject);
                    for c in cases {
                        self.block(&c.body);
                    }
                }
                StmtKind::Break(_) | StmtKind::Continue(_) => {}
                StmtKind::Return(Some(vals)) => {
                    for v in vals {
                        match self.tracked(v) {
                            Some(l) => self.transition(l, s),
                            None => self.expr(v),
                        }
                    }
                }
                StmtKind::Return(None) => {
                    for l in self.named_rets.clone() {
                        if self.tracked_id(l) {
                            self.transition(l, s);
                        }
                    }
                }
                StmtKind::Defer(e) => self.expr(e),
            }
        }

        fn tracked_id(&self, l: LocalId) -> bool {
            self.infos.get(&l).is_some_and(|i| !i.dropped)
        }

        /// `place = v` (or a declaration's initial value): `tracked` when the place is
        /// a tracked variable, else `other` for any other place (None for `_`).
        fn assign(&mut self, tracked: Option<LocalId>, other: Option<&Expr>, v: &Expr, s: &Stmt) {
            let mut value_done = false;
            if let Some(l) = tracked.filter(|&l| self.tracked_id(l)) {
                let depth = self.depth;
                match &v.kind {
                    _ if is_nil(v) => value_done = true,
                    ExprKind::SliceLit(elems) => {
                        self.infos.get_mut(&l).unwrap().cap_used = true;
                        elems.iter().for_each(|e| self.expr(e));
                        value_done = true;
                    }
                    ExprKind::SliceExpr { base, lo, hi, max } if self.tracked(base) == Some(l) => {
                        self.infos.get_mut(&l).unwrap().cap_used = true;
                        for b in [lo, hi, max].into_iter().flatten() {
                            self.expr(b);
                        }
                        value_done = true;
                    }
                    ExprKind::Builtin {
                        builtin: b @ (Builtin::Append | Builtin::AppendSpread),
                        args,
                    } if self.tracked(&args[0]) == Some(l) => {
                        let i = self.infos.get_mut(&l).unwrap();
                        i.weight += 1 + depth.saturating_sub(i.decl_depth);
                        if *b == Builtin::Append && args.len() > 1 {
                            i.appends.push(v as *const Expr);
                        }
                        args[1..].iter().for_each(|a| self.expr(a));
                        value_done = true;
                    }
                    _ => self.drop_var(l),
                }
            } else if let Some(p) = other {
                self.expr(p);
            }
            if value_done {
                return;
            }
            match self.tracked(v) {
                Some(m) => self.transition(m, s),
                None => self.expr(v),
            }
        }

        fn expr(&mut self, e: &Expr) {
            match &e.kind {
                ExprKind::Local(l) => self.drop_var(*l),
                ExprKind::Index { base, index } if self.tracked(base).is_some() => {
                    self.expr(index);
                }
                ExprKind::Builtin {
                    builtin: b @ (Builtin::Len | Builtin::Cap),
                    args,
                } if args.len() == 1 && self.tracked(&args[0]).is_some() => {
                    if *b == Builtin::Cap {
                        let l = self.tracked(&args[0]).unwrap();
                        self.infos.get_mut(&l).unwrap().cap_used = true;
                    }
                }
                ExprKind::AddrOf(x) => {
                    // `&s[i]`, `&s[i].f` point into the store (the subset has no
                    // arrays).
                    let mut root = &**x;
                    while let ExprKind::Field { base, .. } = &root.kind {
                        root = base;
                    }
                    if let ExprKind::Index { base, .. } = &root.kind {
                        if let Some(l) = self.tracked(base) {
                            self.drop_var(l);
                        }
                    }
                    self.expr(x);
                }
                _ => for_each_child(e, |c| self.expr(c)),
            }
        }
    }
}
