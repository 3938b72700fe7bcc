//! Function builders: the locals, block scopes, closure captures and labels of the
//! functions being checked, and name resolution through all scopes.

use super::{Checker, Entity};
use crate::ast::Span;
use crate::hir::{self, FuncId, LabelId, LocalId, LocalKind};
use crate::types::TypeId;
use std::collections::HashMap;

/// A loop or switch that `break` / `continue` may name.
#[derive(Clone, Debug)]
pub(crate) struct LabelFrame {
    pub name: Option<String>,
    pub id: LabelId,
    pub is_loop: bool,
}

/// A statement label seen but not yet attached to its loop or switch.
#[derive(Clone, Debug)]
pub(crate) struct PendingLabel {
    pub name: String,
    pub used: bool,
}

pub(crate) struct FuncBuilder {
    pub id: FuncId,
    pub name: String,
    pub locals: Vec<hir::Local>,
    /// Per local: read somewhere (for "declared and not used").
    pub used: Vec<bool>,
    /// Per local: report as `x declared and not used` (type switch bindings) rather
    /// than `declared and not used: x`.
    pub switch_bind: Vec<bool>,
    pub scopes: Vec<HashMap<String, Entity>>,
    pub captures: Vec<LocalId>,
    /// The enclosing function's local -> this function's capture local.
    pub capture_of: HashMap<LocalId, LocalId>,
    pub result_types: Vec<TypeId>,
    pub result_locals: Vec<LocalId>,
    pub named_results: bool,
    pub labels: Vec<LabelFrame>,
    /// Labels in use anywhere in the function (Go's labels have function scope).
    pub label_names: Vec<PendingLabel>,
    pub next_label: u32,
    /// Function literals directly inside, for naming the next one.
    pub lit_count: u32,
    /// Whether this is a function literal (nested ones are named `outer.func1.1`).
    pub is_lit: bool,
    /// The label of the labeled statement being checked, for the loop or switch it
    /// labels.
    pub pending_label: Option<String>,
    /// Labels named by `goto` anywhere in the body (rejected, but they count as uses).
    pub goto_labels: Vec<String>,
}

impl FuncBuilder {
    pub fn new(id: FuncId, name: String) -> FuncBuilder {
        FuncBuilder {
            id,
            name,
            locals: Vec::new(),
            used: Vec::new(),
            switch_bind: Vec::new(),
            scopes: Vec::new(),
            captures: Vec::new(),
            capture_of: HashMap::new(),
            result_types: Vec::new(),
            result_locals: Vec::new(),
            named_results: false,
            labels: Vec::new(),
            label_names: Vec::new(),
            next_label: 0,
            lit_count: 0,
            is_lit: false,
            pending_label: None,
            goto_labels: Vec::new(),
        }
    }

    pub fn push_scope(&mut self) {
        self.scopes.push(HashMap::new());
    }
    pub fn pop_scope(&mut self) {
        self.scopes.pop();
    }

    pub fn new_local(&mut self, name: String, ty: TypeId, kind: LocalKind, span: Span) -> LocalId {
        let id = LocalId(self.locals.len() as u32);
        self.locals.push(hir::Local {
            name,
            ty,
            kind,
            addressed: false,
            span,
        });
        self.used.push(false);
        self.switch_bind.push(false);
        id
    }

    pub fn lookup_current(&self, name: &str) -> Option<&Entity> {
        self.scopes.last().and_then(|s| s.get(name))
    }

    pub fn lookup(&self, name: &str) -> Option<&Entity> {
        self.scopes.iter().rev().find_map(|s| s.get(name))
    }

    pub fn new_label(&mut self) -> LabelId {
        let l = LabelId(self.next_label);
        self.next_label += 1;
        l
    }
}

impl Checker<'_> {
    /// The innermost function being checked. Only called while checking a body, where
    /// `fstack` is non-empty; outside one it hands out a scratch builder so that an
    /// internal mistake cannot panic.
    pub(crate) fn fb(&mut self) -> &mut FuncBuilder {
        if self.fstack.is_empty() {
            let mut fb = FuncBuilder::new(FuncId(u32::MAX), String::new());
            fb.push_scope();
            self.fstack.push(fb);
        }
        let n = self.fstack.len() - 1;
        &mut self.fstack[n]
    }

    pub(crate) fn in_func(&self) -> bool {
        self.fstack.last().is_some_and(|f| f.id.0 != u32::MAX)
    }

    pub(crate) fn push_scope(&mut self) {
        self.fb().push_scope();
    }
    pub(crate) fn pop_scope(&mut self) {
        self.fb().pop_scope();
    }

    /// Declares a local variable in the innermost scope.
    /// Where the variable `name` of the innermost scope was declared.
    pub(crate) fn local_decl_span(&mut self, name: &str) -> Option<Span> {
        let fb = self.fb();
        match fb.lookup_current(name) {
            Some(Entity::Local(l)) => fb.locals.get(l.0 as usize).map(|l| l.span),
            _ => None,
        }
    }

    pub(crate) fn declare_local(&mut self, name: &str, ty: TypeId, span: Span) -> LocalId {
        let fb = self.fb();
        let l = fb.new_local(name.to_string(), ty, LocalKind::Var, span);
        if name == "_" {
            fb.used[l.0 as usize] = true;
        } else if let Some(s) = fb.scopes.last_mut() {
            s.insert(name.to_string(), Entity::Local(l));
        }
        l
    }

    /// A hidden temporary (a switch tag).
    pub(crate) fn temp_local(&mut self, ty: TypeId, span: Span) -> LocalId {
        let fb = self.fb();
        let n = fb.locals.len();
        let l = fb.new_local(format!(".autotmp_{n}"), ty, LocalKind::Var, span);
        fb.used[l.0 as usize] = true;
        l
    }

    /// Declares a non-variable entity (a local constant or type).
    pub(crate) fn declare_entity(&mut self, name: &str, e: Entity) {
        if name == "_" {
            return;
        }
        if let Some(s) = self.fb().scopes.last_mut() {
            s.insert(name.to_string(), e);
        }
    }

    /// Resolves a name; a local of an enclosing function is captured through every
    /// function literal in between, and the result is a local of the innermost one.
    pub(crate) fn lookup(&mut self, name: &str) -> Option<Entity> {
        let depth = self.fstack.len();
        for level in (0..depth).rev() {
            let Some(e) = self.fstack[level].lookup(name).cloned() else {
                continue;
            };
            return Some(match e {
                Entity::Local(l) if level + 1 < depth => Entity::Local(self.capture(level, l)),
                e => e,
            });
        }
        if let Some(e) = self.pkg.get(name) {
            return Some(e.clone());
        }
        self.universe.get(name).cloned()
    }

    /// Captures local `l` of `fstack[level]` into every function above it; returns the
    /// local standing for it in the innermost function.
    pub(crate) fn capture(&mut self, level: usize, l: LocalId) -> LocalId {
        if let Some(loc) = self.fstack[level].locals.get_mut(l.0 as usize) {
            loc.addressed = true;
        }
        let mut cur = l;
        for k in level + 1..self.fstack.len() {
            let (name, ty, span) = match self.fstack[k - 1].locals.get(cur.0 as usize) {
                Some(loc) => (loc.name.clone(), loc.ty, loc.span),
                None => return cur,
            };
            let fb = &mut self.fstack[k];
            cur = match fb.capture_of.get(&cur) {
                Some(&own) => own,
                None => {
                    let i = fb.captures.len() as u32;
                    let own = fb.new_local(name, ty, LocalKind::Capture(i), span);
                    fb.locals[own.0 as usize].addressed = true;
                    fb.used[own.0 as usize] = true;
                    fb.captures.push(cur);
                    fb.capture_of.insert(cur, own);
                    own
                }
            };
        }
        cur
    }

    /// Marks a local (and, for a capture, the variable it stands for) as used.
    pub(crate) fn mark_used(&mut self, l: LocalId) {
        let mut level = self.fstack.len();
        let mut cur = l;
        while level > 0 {
            level -= 1;
            let fb = &mut self.fstack[level];
            let Some(u) = fb.used.get_mut(cur.0 as usize) else {
                return;
            };
            *u = true;
            match fb.locals.get(cur.0 as usize).map(|x| x.kind) {
                Some(LocalKind::Capture(i)) => match fb.captures.get(i as usize) {
                    Some(&outer) => cur = outer,
                    None => return,
                },
                _ => return,
            }
        }
    }

    /// Marks the variable behind a local as addressed (`&x`, pointer-method calls).
    pub(crate) fn mark_addressed(&mut self, l: LocalId) {
        if let Some(loc) = self.fb().locals.get_mut(l.0 as usize) {
            loc.addressed = true;
        }
    }

    pub(crate) fn local_ty(&mut self, l: LocalId) -> TypeId {
        self.fb()
            .locals
            .get(l.0 as usize)
            .map(|x| x.ty)
            .unwrap_or(crate::types::TypeTable::basic(crate::types::Basic::Invalid))
    }

    /// Reports the unused variables of the function on top of the stack.
    pub(crate) fn report_unused(&mut self) {
        let fb = self.fb();
        let mut out = Vec::new();
        for (i, l) in fb.locals.iter().enumerate() {
            if l.kind == LocalKind::Var && !fb.used[i] && l.name != "_" && !l.name.starts_with('.')
            {
                if fb.switch_bind[i] {
                    out.push((l.span, format!("{} declared and not used", l.name)));
                } else {
                    out.push((l.span, format!("declared and not used: {}", l.name)));
                }
            }
        }
        for (span, msg) in out {
            self.err(span, msg);
        }
    }
}
