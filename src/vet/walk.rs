//! Walking the checked HIR for the vet checks: every statement of a function with its
//! place in the block tree (so a check can ask whether one statement certainly ran
//! before another), and every expression under a statement or an expression.
//!
//! Function literals are separate `hir::Func`s: a walk of one function's body never
//! enters a literal's body (an `ExprKind::FuncLit` is a leaf here).

use frontend::hir::{Block, Expr, ExprKind, Func, LocalId, RangeTarget, Stmt, StmtKind};

/// Where a statement sits: for each enclosing block, from the function's body inward,
/// the block's id and the statement's index in it. Block ids are unique per walk.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(pub Vec<(u32, usize)>);

impl Path {
    /// Whether `self`, a statement, has certainly run whenever `later` runs in the same
    /// activation: it precedes `later` in a block that encloses `later` (Go's
    /// dominance on a structured body; a loop back edge does not count, so a
    /// statement later in a loop body does not dominate an earlier one).
    pub fn dominates(&self, later: &Path) -> bool {
        let n = self.0.len();
        if n == 0 || later.0.len() < n || self.0[..n - 1] != later.0[..n - 1] {
            return false;
        }
        let (block, i) = self.0[n - 1];
        let (lblock, li) = later.0[n - 1];
        block == lblock && i < li
    }
}

/// One statement visited by `statements`, with what encloses it.
pub struct Visit<'a> {
    pub stmt: &'a Stmt,
    pub path: Path,
    /// How many `for` loops (of this function) enclose the statement.
    pub loops: u32,
    /// The variables of enclosing three-clause loops (Go 1.22: a fresh copy per
    /// iteration, so the post statement's `i++` assigns the next iteration's copy).
    pub loop_vars: Vec<LocalId>,
    /// Whether the statement is a `for` loop's post statement.
    pub in_post: bool,
    /// The innermost enclosing loop statement (`For` or `Range`).
    pub in_loop: Option<&'a Stmt>,
}

/// Calls `f` on every statement of `f`'s body, outer ones before inner ones, in
/// source order.
pub fn statements<'a>(func: &'a Func, f: &mut dyn FnMut(&Visit<'a>)) {
    let mut w = Walker {
        next_block: 0,
        f,
        loop_vars: Vec::new(),
        in_loop: None,
    };
    w.block(&func.body, &Path::default(), 0, false);
}

struct Walker<'a, 'f> {
    next_block: u32,
    f: &'f mut dyn FnMut(&Visit<'a>),
    loop_vars: Vec<LocalId>,
    in_loop: Option<&'a Stmt>,
}

impl<'a> Walker<'a, '_> {
    fn block(&mut self, b: &'a Block, outer: &Path, loops: u32, in_post: bool) {
        let id = self.next_block;
        self.next_block += 1;
        for (i, stmt) in b.iter().enumerate() {
            let mut path = outer.clone();
            path.0.push((id, i));
            (self.f)(&Visit {
                stmt,
                path: path.clone(),
                loops,
                loop_vars: self.loop_vars.clone(),
                in_post,
                in_loop: self.in_loop,
            });
            self.children(stmt, &path, loops, in_post);
        }
    }

    fn children(&mut self, stmt: &'a Stmt, path: &Path, loops: u32, in_post: bool) {
        match &stmt.kind {
            StmtKind::Block(b) => self.block(b, path, loops, in_post),
            StmtKind::If { then, els, .. } => {
                self.block(then, path, loops, in_post);
                self.block(els, path, loops, in_post);
            }
            StmtKind::For {
                post,
                body,
                loop_vars,
                ..
            } => {
                let saved = self.loop_vars.len();
                let outer = self.in_loop.replace(stmt);
                self.loop_vars.extend(loop_vars.iter().copied());
                self.block(body, path, loops + 1, false);
                self.block(post, path, loops + 1, true);
                self.loop_vars.truncate(saved);
                self.in_loop = outer;
            }
            StmtKind::Range { body, .. } => {
                let outer = self.in_loop.replace(stmt);
                self.block(body, path, loops + 1, false);
                self.in_loop = outer;
            }
            StmtKind::Switch { cases, .. } => {
                for c in cases {
                    self.block(&c.body, path, loops, in_post);
                }
            }
            StmtKind::TypeSwitch { cases, .. } => {
                for c in cases {
                    self.block(&c.body, path, loops, in_post);
                }
            }
            _ => {}
        }
    }
}

/// Whether any statement of `b` (nested blocks included, function literals not) is a
/// `break` out of the loop `label` or a `return`.
pub fn leaves(b: &Block, label: frontend::hir::LabelId) -> bool {
    b.iter().any(|s| match &s.kind {
        StmtKind::Break(l) => *l == label,
        StmtKind::Return(_) => true,
        StmtKind::Block(b) => leaves(b, label),
        StmtKind::If { then, els, .. } => leaves(then, label) || leaves(els, label),
        StmtKind::For { body, post, .. } => leaves(body, label) || leaves(post, label),
        StmtKind::Range { body, .. } => leaves(body, label),
        StmtKind::Switch { cases, .. } => cases.iter().any(|c| leaves(&c.body, label)),
        StmtKind::TypeSwitch { cases, .. } => cases.iter().any(|c| leaves(&c.body, label)),
        _ => false,
    })
}

/// The expressions a statement evaluates itself (not those of nested blocks).
pub fn stmt_exprs(stmt: &Stmt) -> Vec<&Expr> {
    match &stmt.kind {
        StmtKind::Expr(e) | StmtKind::Defer(e) => vec![e],
        StmtKind::Declare { values, .. } => values.iter().collect(),
        StmtKind::Assign { places, values } => {
            places.iter().flatten().chain(values.iter()).collect()
        }
        StmtKind::OpAssign { place, value, .. } => vec![place, value],
        StmtKind::If { cond, .. } => vec![cond],
        StmtKind::For { cond, .. } => cond.iter().collect(),
        StmtKind::Range {
            range, key, value, ..
        } => {
            let mut v = vec![range];
            for t in [key, value].into_iter().flatten() {
                if let RangeTarget::Assign(e) = t {
                    v.push(e);
                }
            }
            v
        }
        StmtKind::Switch { cases, .. } => cases.iter().flat_map(|c| c.conds.iter()).collect(),
        StmtKind::TypeSwitch { subject, .. } => vec![subject],
        StmtKind::Return(Some(values)) => values.iter().collect(),
        StmtKind::Return(None)
        | StmtKind::Block(_)
        | StmtKind::Break(_)
        | StmtKind::Continue(_) => Vec::new(),
    }
}

/// The direct operands of an expression.
pub fn children(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Const(_)
        | ExprKind::Zero
        | ExprKind::Local(_)
        | ExprKind::Global(_)
        | ExprKind::FuncRef(_)
        | ExprKind::MethodExpr { .. }
        | ExprKind::FuncLit(_) => Vec::new(),
        ExprKind::Unary(_, x)
        | ExprKind::Spread(x)
        | ExprKind::Field { base: x, .. }
        | ExprKind::Deref(x)
        | ExprKind::AddrOf(x)
        | ExprKind::Convert(x)
        | ExprKind::ToIface(x)
        | ExprKind::TypeAssert { x, .. }
        | ExprKind::MethodValue { recv: x, .. } => vec![x],
        ExprKind::Binary(_, a, b) => vec![a, b],
        ExprKind::Index { base, index } => vec![base, index],
        ExprKind::Call { callee, args } => std::iter::once(&**callee).chain(args).collect(),
        ExprKind::MethodCall { recv, args, .. } => std::iter::once(&**recv).chain(args).collect(),
        ExprKind::Builtin { args, .. } | ExprKind::Lib { args, .. } => args.iter().collect(),
        ExprKind::SliceExpr { base, lo, hi, max } => std::iter::once(&**base)
            .chain(lo.iter().chain(hi).chain(max).map(|b| &**b))
            .collect(),
        ExprKind::StructLit(xs) | ExprKind::SliceLit(xs) | ExprKind::VarArgs(xs) => {
            xs.iter().collect()
        }
        ExprKind::MapIndex { map, key, .. } => vec![map, key],
        ExprKind::MapLit(kvs) => kvs.iter().flat_map(|(k, v)| [k, v]).collect(),
    }
}

/// Calls `f` on `e` and every expression under it, parents first.
pub fn each_expr<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    f(e);
    for c in children(e) {
        each_expr(c, f);
    }
}

/// Calls `f` on every expression of a function's body (not inside its literals'
/// bodies), with the statement that evaluates it.
pub fn all_exprs<'a>(func: &'a Func, f: &mut dyn FnMut(&Visit<'a>, &'a Expr)) {
    statements(func, &mut |v| {
        for e in stmt_exprs(v.stmt) {
            each_expr(e, &mut |x| f(v, x));
        }
    });
}

/// The locals a statement assigns directly (`x = ...`, `x op= ...`, `x++`, a range
/// header with `=`), not through a pointer or a field.
pub fn assigned_locals(stmt: &Stmt) -> Vec<LocalId> {
    let local = |e: &Expr| match e.kind {
        ExprKind::Local(l) => Some(l),
        _ => None,
    };
    match &stmt.kind {
        StmtKind::Assign { places, .. } => places.iter().flatten().filter_map(local).collect(),
        StmtKind::OpAssign { place, .. } => local(place).into_iter().collect(),
        StmtKind::Range { key, value, .. } => [key, value]
            .into_iter()
            .flatten()
            .filter_map(|t| match t {
                RangeTarget::Assign(e) => local(e),
                RangeTarget::Define(_) => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// `e` with the checker's implicit conversions (`ToIface`, `Convert`) peeled off.
pub fn peel(mut e: &Expr) -> &Expr {
    while let ExprKind::ToIface(x) | ExprKind::Convert(x) = &e.kind {
        e = x;
    }
    e
}
