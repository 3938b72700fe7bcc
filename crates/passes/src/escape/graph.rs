//! The escape graph of one function: abstract objects (allocation sites, the callers'
//! memory behind each parameter, the heap), what each SSA value may point to, and what
//! each object's memory may hold. gc's `escape/graph.go` is the model for the role (a
//! location per allocation, edges with dereference levels); ours is an inclusion-based
//! points-to graph, field-insensitive, with two levels per parameter (the object it
//! points to, and everything reachable from that), which is what the summaries need.
//!
//! `step` is the transfer function of one instruction: it only ever adds to the sets,
//! so `solve` can run it to a fixpoint.

use super::summary::Summaries;
use ir::{DeferCallee, Function, Imm, Inst, InstData, Opcode, RtFunc, SecondaryMap, Type, Value};
use std::collections::{BTreeMap, BTreeSet};

/// An abstract object's index.
pub type Obj = u32;
/// A set of objects.
pub type Set = BTreeSet<Obj>;

/// The heap: memory nobody in this frame owns (package variables, anything a callee
/// returned, anything loaded from escaped memory). It has escaped by definition.
pub const HEAP: Obj = 0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjKind {
    Heap,
    /// An allocation site of this function (`alloc`, `closure`, `stack_alloc`).
    Site(Inst),
    /// The memory parameter `i` points to in the caller (level 0), or anything reachable
    /// from it (level 1).
    Param(usize, u8),
    /// The closure object this function receives as `env`.
    Env,
    /// The memory capture `i` points to (level 0), or anything reachable from it.
    Capture(u32, u8),
}

pub struct Graph {
    pub kinds: Vec<ObjKind>,
    /// Memory the caller owns: a store into it makes the stored value escape (this
    /// function cannot see how long the caller keeps it).
    external: Vec<bool>,
    pub contents: Vec<Set>,
    pub pts: SecondaryMap<Value, Set>,
    /// Objects that escape for a reason of their own (stored into external memory,
    /// returned, boxed, passed to a leaking parameter, raised).
    pub roots: Set,
    /// `(parameter, result)`: the parameter's level-0 object (by index in the
    /// signature) is returned as that result.
    pub returned_params: BTreeSet<(usize, usize)>,
    /// The result of `solve`: `roots` and everything reachable from them.
    pub escaped: Set,
    /// The instruction that made each root escape (for `-m=2`'s explanations).
    pub why: BTreeMap<Obj, Inst>,
    /// The instruction `step` is running.
    cur: Option<Inst>,
    sites: BTreeMap<Inst, Obj>,
    captures: BTreeMap<(u32, u8), Obj>,
}

/// Whether `d` makes an object of its own: a cell, a closure object, an array (for a
/// slice literal or `make`), an interface box.
pub fn is_site(f: &Function, d: &InstData) -> bool {
    match d.opcode {
        // A box of a pointer-shaped value is that value (no memory).
        Opcode::Box | Opcode::StackBox => !is_direct(f.dfg.value_type(d.args[0])),
        Opcode::Alloc
        | Opcode::StackAlloc
        | Opcode::Closure
        | Opcode::StackClosure
        | Opcode::AllocArray
        | Opcode::StackAllocArray => true,
        Opcode::RtCall => d.imm == Imm::Rt(RtFunc::MakeSlice),
        _ => false,
    }
}

/// Whether an interface holds a value of IR type `ty` in its data word itself (the
/// codegen's `flat::is_direct`), rather than a pointer to a box.
pub fn is_direct(ty: Type) -> bool {
    matches!(
        ty,
        Type::Bool
            | Type::I8
            | Type::I16
            | Type::I32
            | Type::I64
            | Type::F32
            | Type::F64
            | Type::Ptr
            | Type::Func
    )
}

impl Graph {
    /// The graph of `f` before solving: one object per parameter level and per
    /// allocation site.
    pub fn new(f: &Function) -> Graph {
        let mut g = Graph {
            kinds: Vec::new(),
            external: Vec::new(),
            contents: Vec::new(),
            pts: SecondaryMap::new(),
            roots: Set::new(),
            returned_params: BTreeSet::new(),
            escaped: Set::new(),
            why: BTreeMap::new(),
            cur: None,
            sites: BTreeMap::new(),
            captures: BTreeMap::new(),
        };
        let heap = g.obj(ObjKind::Heap, true);
        g.contents[heap as usize].insert(HEAP);
        g.roots.insert(HEAP);
        if let Some(entry) = f.entry() {
            let params = f.dfg.block_params(entry).to_vec();
            for (i, &p) in params.iter().enumerate() {
                match i {
                    0 => {
                        let env = g.obj(ObjKind::Env, true);
                        g.pts[p].insert(env);
                    }
                    1 => {}
                    _ => {
                        let p0 = g.obj(ObjKind::Param(i, 0), true);
                        let p1 = g.obj(ObjKind::Param(i, 1), true);
                        g.contents[p0 as usize].insert(p1);
                        g.contents[p1 as usize].insert(p1);
                        g.pts[p].insert(p0);
                    }
                }
            }
        }
        for &b in &f.layout.blocks {
            for &i in &f.layout.insts[b] {
                if is_site(f, &f.dfg.insts[i]) {
                    let o = g.obj(ObjKind::Site(i), false);
                    g.sites.insert(i, o);
                }
            }
        }
        g
    }

    fn obj(&mut self, kind: ObjKind, external: bool) -> Obj {
        self.kinds.push(kind);
        self.external.push(external);
        self.contents.push(Set::new());
        (self.kinds.len() - 1) as Obj
    }

    /// The object of an allocation site.
    pub fn site(&self, inst: Inst) -> Option<Obj> {
        self.sites.get(&inst).copied()
    }

    fn capture(&mut self, i: u32, level: u8) -> Obj {
        if let Some(&o) = self.captures.get(&(i, level)) {
            return o;
        }
        let o = self.obj(ObjKind::Capture(i, level), true);
        self.captures.insert((i, level), o);
        if level == 0 {
            let deeper = self.capture(i, 1);
            self.contents[o as usize].insert(deeper);
        } else {
            self.contents[o as usize].insert(o);
        }
        o
    }

    /// A shortest chain of objects from a root to `o`, each holding the next (the root
    /// first, `o` last), if `o` escaped.
    pub fn chain(&self, o: Obj) -> Option<Vec<Obj>> {
        let mut parent: BTreeMap<Obj, Obj> = BTreeMap::new();
        let mut queue: std::collections::VecDeque<Obj> = self.roots.iter().copied().collect();
        let mut seen = self.roots.clone();
        while let Some(x) = queue.pop_front() {
            if x == o {
                let mut path = vec![o];
                while let Some(&p) = parent.get(path.last().expect("non-empty")) {
                    path.push(p);
                }
                path.reverse();
                return Some(path);
            }
            for &c in &self.contents[x as usize] {
                if seen.insert(c) {
                    parent.insert(c, x);
                    queue.push_back(c);
                }
            }
        }
        None
    }

    /// Every object reachable from `from` through memory (including `from`).
    pub fn reachable(&self, from: &Set) -> Set {
        let mut seen = from.clone();
        let mut work: Vec<Obj> = from.iter().copied().collect();
        while let Some(o) = work.pop() {
            for &c in &self.contents[o as usize] {
                if seen.insert(c) {
                    work.push(c);
                }
            }
        }
        seen
    }

    /// Adds `add` to `into`; whether anything was new.
    fn add(into: &mut Set, add: &Set) -> bool {
        let n = into.len();
        into.extend(add.iter().copied());
        into.len() != n
    }

    /// Adds to what `v` points to, unless `v` cannot hold a pointer (an integer or bool
    /// loaded from memory or returned by a call points nowhere).
    fn add_pts(&mut self, f: &Function, v: Value, add: &Set) -> bool {
        let ty = f.dfg.value_type(v);
        if ty.is_int() || ty == Type::Bool {
            return false;
        }
        Self::add(&mut self.pts[v], add)
    }

    fn escape(&mut self, s: &Set) -> bool {
        let mut changed = false;
        for &o in s {
            changed |= self.root(o);
        }
        changed
    }

    /// Makes `o` escape for a reason of its own: the instruction being stepped.
    fn root(&mut self, o: Obj) -> bool {
        if !self.roots.insert(o) {
            return false;
        }
        if let Some(i) = self.cur {
            self.why.entry(o).or_insert(i);
        }
        true
    }

    /// Everything the objects of `s` hold.
    fn contents_of(&self, s: &Set) -> Set {
        let mut out = Set::new();
        for &o in s {
            out.extend(self.contents[o as usize].iter().copied());
            if self.escaped.contains(&o) {
                out.insert(HEAP);
            }
        }
        out
    }

    /// `store` into every object of `p` of the values `v` points to.
    fn store(&mut self, p: &Set, v: &Set) -> bool {
        let mut changed = false;
        for &o in p {
            changed |= Self::add(&mut self.contents[o as usize], v);
            if self.external[o as usize] {
                changed |= self.escape(v);
            }
        }
        changed
    }

    /// What a callee may do to memory it is handed without keeping it: write heap
    /// pointers anywhere reachable.
    fn clobber(&mut self, s: &Set) -> bool {
        let heap: Set = [HEAP].into();
        let mut changed = false;
        for o in self.reachable(s) {
            changed |= Self::add(&mut self.contents[o as usize], &heap);
        }
        changed
    }

    /// An argument passed to a parameter with summary `(leaks, content_leaks)`.
    fn pass_arg(&mut self, a: &Set, leaks: bool, content_leaks: bool) -> bool {
        let mut changed = false;
        if leaks {
            changed |= self.escape(a);
        } else {
            if content_leaks {
                let c = self.contents_of(a);
                changed |= self.escape(&c);
            }
            changed |= self.clobber(a);
        }
        changed
    }

    /// The transfer function of one instruction; whether any set grew.
    pub fn step(&mut self, f: &Function, sums: &Summaries, inst: Inst) -> bool {
        self.cur = Some(inst);
        let d = &f.dfg.insts[inst];
        let res = f.dfg.inst_results(inst);
        let arg = |g: &Graph, k: usize| -> Set { g.pts[d.args[k]].clone() };
        let all_args = |g: &Graph| -> Set {
            let mut s = Set::new();
            for &a in &d.args {
                s.extend(g.pts[a].iter().copied());
            }
            s
        };
        let heap: Set = [HEAP].into();
        let mut changed = false;
        match d.opcode {
            Opcode::Alloc | Opcode::StackAlloc | Opcode::AllocArray | Opcode::StackAllocArray => {
                let o: Set = [self.sites[&inst]].into();
                changed |= self.add_pts(f, res[0], &o);
            }
            Opcode::Closure | Opcode::StackClosure => {
                let o = self.sites[&inst];
                let caps = all_args(self);
                changed |= Self::add(&mut self.contents[o as usize], &caps);
                changed |= self.add_pts(f, res[0], &[o].into());
                let Imm::Func(callee) = d.imm else {
                    return self.escape(&[o].into()) | changed;
                };
                let sum = sums.get(callee);
                if sum.env_leaks {
                    changed |= self.escape(&[o].into());
                }
                for (i, &c) in d.args.iter().enumerate() {
                    let (l, cl) = sum.capture(i);
                    let a = self.pts[c].clone();
                    changed |= self.pass_arg(&a, l, cl);
                }
            }
            Opcode::EnvGet => {
                let Imm::Index(i) = d.imm else { return false };
                let mut out = Set::new();
                for o in arg(self, 0) {
                    match self.kinds[o as usize] {
                        ObjKind::Env => {
                            out.insert(self.capture(i, 0));
                        }
                        _ => {
                            out.extend(self.contents[o as usize].iter().copied());
                            out.insert(HEAP);
                        }
                    }
                }
                changed |= self.add_pts(f, res[0], &out);
            }
            Opcode::Load => {
                let c = self.contents_of(&arg(self, 0));
                changed |= self.add_pts(f, res[0], &c);
            }
            Opcode::Store => {
                let (p, v) = (arg(self, 0), arg(self, 1));
                changed |= self.store(&p, &v);
            }
            // Derived pointers and aggregates: what their operands point to.
            op if op.derives_from_operands() => {
                let s = all_args(self);
                changed |= self.add_pts(f, res[0], &s);
            }
            Opcode::GlobalAddr | Opcode::Recover => {
                changed |= self.add_pts(f, res[0], &heap);
            }
            Opcode::Box | Opcode::StackBox => {
                let s = all_args(self);
                match self.sites.get(&inst) {
                    // The box holds the value.
                    Some(&o) => {
                        changed |= Self::add(&mut self.contents[o as usize], &s);
                        changed |= self.add_pts(f, res[0], &[o].into());
                    }
                    // The data word is the value.
                    None => changed |= self.add_pts(f, res[0], &s),
                }
            }
            Opcode::Unbox => {
                // The data word itself, or what the box it points to holds.
                let x = arg(self, 0);
                let mut out = self.contents_of(&x);
                out.extend(x);
                changed |= self.add_pts(f, res[0], &out);
            }
            Opcode::Raise => {
                let s = all_args(self);
                changed |= self.escape(&s);
            }
            Opcode::Call => {
                let Imm::Func(callee) = d.imm else {
                    return false;
                };
                let sum = sums.get(callee);
                let mut out = vec![heap.clone(); res.len()];
                for (k, &a) in d.args.iter().enumerate() {
                    let s = self.pts[a].clone();
                    if k == 0 {
                        // `env`: null for a direct call until defers are lowered.
                        changed |= self.escape(&s);
                        continue;
                    }
                    let p = sum.param(k);
                    changed |= self.pass_arg(&s, p.leaks, p.content_leaks);
                    for (r, o) in out.iter_mut().enumerate() {
                        if r < 64 && p.to_result & (1 << r) != 0 {
                            o.extend(s.iter().copied());
                        }
                    }
                }
                for (&r, o) in res.iter().zip(&out) {
                    changed |= self.add_pts(f, r, o);
                }
            }
            Opcode::CallIndirect => {
                // Calling a function value does not leak it: what its body does with
                // its captures was accounted for where the closure was made. The other
                // arguments go to an unknown function.
                for &a in &d.args[1..] {
                    let s = self.pts[a].clone();
                    changed |= self.escape(&s);
                }
                for &r in res {
                    changed |= self.add_pts(f, r, &heap);
                }
            }
            Opcode::RtCall if is_site(f, d) => {
                // `make_slice`: its backing array.
                let o: Set = [self.sites[&inst]].into();
                changed |= self.add_pts(f, res[0], &o);
            }
            Opcode::RtCall => {
                let Imm::Rt(rt) = d.imm else { return false };
                changed |= self.rtcall(f, d.args.as_slice(), res, rt);
            }
            Opcode::Defer => {
                let Imm::Defer(id) = d.imm else { return false };
                let data = &f.defers[id];
                match data.callee {
                    // A deferred call runs in this frame, before it returns, whatever
                    // its strategy: its arguments are as good as a call's.
                    DeferCallee::Direct(callee) => {
                        let sum = sums.get(callee);
                        for (k, &a) in d.args.iter().enumerate() {
                            let s = self.pts[a].clone();
                            let p = sum.param(k + 2);
                            changed |= self.pass_arg(&s, p.leaks, p.content_leaks);
                        }
                    }
                    DeferCallee::Closure(callee) => {
                        let sum = sums.get(callee);
                        for (k, &a) in d.args.iter().enumerate() {
                            let s = self.pts[a].clone();
                            if k == 0 {
                                // The closure object, passed as `env`.
                                if sum.env_leaks {
                                    changed |= self.escape(&s);
                                }
                                continue;
                            }
                            let p = sum.param(k + 1);
                            changed |= self.pass_arg(&s, p.leaks, p.content_leaks);
                        }
                    }
                    DeferCallee::Indirect => {
                        let s = all_args(self);
                        changed |= self.escape(&s);
                    }
                }
            }
            Opcode::Ret => {
                for (r, &a) in d.args.iter().enumerate() {
                    for o in self.pts[a].clone() {
                        match self.kinds[o as usize] {
                            ObjKind::Param(i, 0) if r < 64 => {
                                changed |= self.returned_params.insert((i, r));
                            }
                            _ => changed |= self.root(o),
                        }
                    }
                }
            }
            Opcode::Jump | Opcode::Brif => {
                for t in &d.targets {
                    let params = f.dfg.block_params(t.block);
                    for (&p, &a) in params.iter().zip(&t.args) {
                        let s = self.pts[a].clone();
                        changed |= self.add_pts(f, p, &s);
                    }
                }
            }
            // No pointer flows through the rest (constants, arithmetic, comparisons,
            // checks, the panic flag, type tests, the defer runtime).
            _ => {}
        }
        changed
    }

    /// A runtime function: what it does with pointers, by its implementation; by
    /// default every argument escapes and the results are heap pointers.
    fn rtcall(&mut self, f: &Function, args: &[Value], res: &[Value], rt: RtFunc) -> bool {
        let heap: Set = [HEAP].into();
        let pts = |g: &Graph, k: usize| -> Set { g.pts[args[k]].clone() };
        let mut changed = false;
        let mut out = heap.clone();
        match rt {
            // Read their operands, allocate their results.
            RtFunc::StrConcat
            | RtFunc::StrCmp
            | RtFunc::StrFromBytes
            | RtFunc::BytesFromStr
            | RtFunc::StrFromRune
            | RtFunc::MakeSlice
            | RtFunc::IfaceEq
            | RtFunc::ErrorsNew
            | RtFunc::Print
            | RtFunc::Println
            | RtFunc::OsExit
            | RtFunc::Gc => {}
            // The map runtime reads keys through the key cell and keeps no pointer
            // to it; lookups, deletion and iteration return addresses into the
            // table's heap arrays (the default result).
            RtFunc::MapMake
            | RtFunc::MapAccess
            | RtFunc::MapAccess2
            | RtFunc::MapDelete
            | RtFunc::MapLen
            | RtFunc::MapClear
            | RtFunc::MapIterInit
            | RtFunc::MapIterNext => {}
            // `m[k] = v` copies the key into the table: what the key holds escapes
            // (the value escapes through the store into the returned slot, which
            // points into the heap).
            RtFunc::MapAssign => {
                let c = self.contents_of(&pts(self, 2));
                changed |= self.escape(&c);
            }
            // `fmt`'s functions read their `[]any` and keep no pointer to it, but may
            // hand its values to their `Error` or `String` methods, which may keep them:
            // the array does not escape (gc: `... argument does not escape`), what it
            // holds does.
            RtFunc::FmtPrint
            | RtFunc::FmtPrintln
            | RtFunc::FmtPrintf
            | RtFunc::FmtSprint
            | RtFunc::FmtSprintln
            | RtFunc::FmtSprintf
            | RtFunc::FmtErrorf => {
                for k in 0..args.len() {
                    let c = self.contents_of(&pts(self, k));
                    changed |= self.escape(&c);
                }
            }
            // `memmove(dst, src, n)`: dst's memory now holds what src's held.
            RtFunc::Memmove => {
                let c = self.contents_of(&pts(self, 1));
                let dst = pts(self, 0);
                changed |= self.store(&dst, &c);
            }
            // The result is `s` or a heap copy of its elements.
            RtFunc::GrowSlice | RtFunc::MoveToHeap => {
                let s = pts(self, 0);
                let c = self.contents_of(&s);
                changed |= self.escape(&c);
                out.extend(s);
            }
            // ... or the frame store `state`.
            RtFunc::GrowSliceBuf | RtFunc::GrowSliceBufCap => {
                let s = pts(self, 0);
                let c = self.contents_of(&s);
                changed |= self.escape(&c);
                out.extend(s);
                out.extend(pts(self, 3));
            }
            _ => {
                for k in 0..args.len() {
                    let s = pts(self, k);
                    changed |= self.escape(&s);
                }
            }
        }
        for &r in res {
            changed |= self.add_pts(f, r, &out);
        }
        changed
    }
}
