//! Statements and expressions. Every variable is an `int`; statements that need other
//! types (slices, pointers, `any`, closures) declare and consume them on the spot.
//! Expressions are call-free, and a call is always a whole right-hand side, so Go's
//! unspecified order between operands and calls never shows.

use crate::func::{indent, Gen};

/// Which function body the statements are in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// A generated function `fK(p int) int`: `return e` is allowed.
    Body,
    /// A closure called on the spot (`func() { ... }()`).
    Closure,
    /// A deferred closure: `recover()` in its own body recovers.
    Deferred,
}

#[derive(Clone)]
pub struct Ctx {
    pub kind: Kind,
    /// Readable `int` variables in scope.
    pub vars: Vec<String>,
    /// The subset that may be assigned (not loop counters).
    pub assignable: Vec<String>,
    /// Variables declared per open block, printed when the block closes.
    pub scopes: Vec<Vec<String>>,
    /// Whether the enclosing generated function has the named result `r`.
    pub named: bool,
    /// Nesting depth of compound statements (bounds the program's size).
    pub depth: usize,
    /// Inside a loop of this function body (break/continue allowed).
    pub in_loop: bool,
    /// Labels of the enclosing loops of this body, with whether each was used.
    pub labels: Vec<(String, bool)>,
    pub in_cond: bool,
    /// `return` needs a value (a generated function, or a closure returning `int`);
    /// bare `return` is also allowed in a function with the named result.
    pub value_return: bool,
    /// Statistics of this body, for the feature counters.
    pub defers: usize,
    pub returns: usize,
}

impl Ctx {
    pub fn body(named: bool) -> Ctx {
        let mut vars = vec!["p".to_string()];
        if named {
            vars.push("r".to_string());
        }
        Ctx {
            kind: Kind::Body,
            assignable: vars.clone(),
            vars,
            scopes: Vec::new(),
            named,
            depth: 0,
            in_loop: false,
            labels: Vec::new(),
            in_cond: false,
            value_return: true,
            defers: 0,
            returns: 0,
        }
    }

    /// The context of a closure body nested in this one: same variables, no loop.
    pub fn closure(&self, kind: Kind) -> Ctx {
        Ctx {
            kind,
            vars: self.vars.clone(),
            assignable: self.assignable.clone(),
            scopes: Vec::new(),
            named: self.named,
            depth: self.depth + 1,
            in_loop: false,
            labels: Vec::new(),
            in_cond: false,
            value_return: false,
            defers: 0,
            returns: 0,
        }
    }

    fn declare(&mut self, v: &str, assignable: bool) {
        self.vars.push(v.to_string());
        if assignable {
            self.assignable.push(v.to_string());
        }
        if let Some(s) = self.scopes.last_mut() {
            s.push(v.to_string());
        }
    }

    pub fn forget(&mut self, vs: &[String]) {
        self.vars.retain(|v| !vs.contains(v));
        self.assignable.retain(|v| !vs.contains(v));
    }
}

const BINOPS: &[&str] = &["+", "-", "*", "&", "|", "^", "+", "-"];
const CMPOPS: &[&str] = &["<", "<=", ">", ">=", "==", "!="];

impl Gen {
    pub fn var(&mut self, cx: &Ctx) -> String {
        self.rng.pick(&cx.vars).clone()
    }

    /// A call-free `int` expression.
    pub fn expr(&mut self, cx: &Ctx, depth: u32) -> String {
        let leaf = depth == 0 || self.rng.chance(1, 3);
        if leaf {
            return match self.rng.below(6) {
                0 | 1 => self.rng.range(-5, 40).to_string(),
                5 if self.rng.chance(1, 4) => "g0".to_string(),
                _ => self.var(cx),
            };
        }
        match self.rng.below(9) {
            0..=3 => {
                let op = *self.rng.pick(BINOPS);
                let (a, b) = (self.expr(cx, depth - 1), self.expr(cx, depth - 1));
                format!("({a} {op} {b})")
            }
            4 => format!("({} << {})", self.expr(cx, depth - 1), self.rng.range(0, 3)),
            5 => {
                let op = if self.rng.chance(1, 2) { "/" } else { "%" };
                format!(
                    "({} {op} {})",
                    self.expr(cx, depth - 1),
                    self.rng.range(1, 7)
                )
            }
            6 => format!("-({})", self.expr(cx, depth - 1)),
            7 => {
                let f = if self.rng.chance(1, 2) { "min" } else { "max" };
                format!(
                    "{f}({}, {})",
                    self.expr(cx, depth - 1),
                    self.expr(cx, depth - 1)
                )
            }
            _ => {
                let v = self.var(cx);
                format!("({v} >> {})", self.rng.range(0, 2))
            }
        }
    }

    pub fn cond(&mut self, cx: &Ctx) -> String {
        match self.rng.below(5) {
            0 => format!("{}%2 == 0", self.var(cx)),
            1 => {
                let (a, b) = (self.cond(cx), self.cond(cx));
                format!("{a} && {b}")
            }
            _ => {
                let op = *self.rng.pick(CMPOPS);
                let a = self.var(cx);
                let b = self.expr(cx, 1);
                format!("{a} {op} {b}")
            }
        }
    }

    pub fn panic_value(&mut self, cx: &Ctx) -> String {
        self.count("panic_value");
        match self.rng.below(5) {
            0 => self.tag(),
            1 => self.expr(cx, 1),
            2 => {
                self.uses_errors = true;
                format!("errors.New({})", self.tag())
            }
            3 => format!("fmt.Errorf(\"e%d\", {})", self.var(cx)),
            _ => format!("{} > 3", self.var(cx)),
        }
    }

    /// One statement (possibly a few lines that belong together) appended to `out`.
    pub fn stmt(&mut self, cx: &mut Ctx, out: &mut Vec<String>) {
        let deep = cx.depth >= 3;
        let w_compound = if deep { 0 } else { 4 };
        let w_return = if cx.kind == Kind::Body { 2 } else { 1 };
        let w_jump = if cx.in_loop { 1 } else { 0 };
        let w_call = if self.nfuncs > 0 { 3 } else { 0 };
        let weights = [
            3,          // 0 declaration
            3,          // 1 assignment
            2,          // 2 print
            w_compound, // 3 if
            w_compound, // 4 loop
            1,          // 5 switch
            7,          // 6 defer
            2,          // 7 panic
            3,          // 8 runtime error
            w_call,     // 9 call
            w_compound, // 10 closure
            w_return,   // 11 return
            w_jump,     // 12 break/continue
            1,          // 13 type switch
            1,          // 14 recover outside a deferred call
        ];
        match self.rng.weighted(&weights) {
            0 => {
                let v = self.fresh("v");
                let e = self.expr(cx, 2);
                out.push(format!("{v} := {e}"));
                cx.declare(&v, true);
            }
            1 => {
                let v = self.rng.pick(&cx.assignable).clone();
                let e = self.expr(cx, 2);
                match self.rng.below(4) {
                    0 => out.push(format!("{v}++")),
                    1 => out.push(format!("{v} += {e}")),
                    _ => out.push(format!("{v} = {e}")),
                }
            }
            2 => {
                let t = self.tag();
                let (a, b) = (self.expr(cx, 1), self.var(cx));
                if self.rng.chance(1, 3) {
                    out.push(format!("fmt.Printf(\"%s %d %v\\n\", {t}, {a}, {b})"));
                } else {
                    out.push(format!("fmt.Println({t}, {a}, {b})"));
                }
            }
            3 => self.if_stmt(cx, out),
            4 => self.loop_stmt(cx, out),
            5 => self.switch_stmt(cx, out),
            6 => self.defer_stmt(cx, out),
            7 => {
                let v = self.panic_value(cx);
                let c = self.cond(cx);
                out.push(format!("if {c} {{"));
                out.push(format!("\tpanic({v})"));
                out.push("}".to_string());
            }
            8 => self.runtime_error(cx, out),
            9 => {
                self.count_call(cx);
                let k = self.rng.below(self.nfuncs as u64);
                let e = self.expr(cx, 1);
                let v = self.rng.pick(&cx.assignable).clone();
                match self.rng.below(3) {
                    0 => out.push(format!("f{k}({e})")),
                    1 => out.push(format!("{v} += f{k}({e})")),
                    _ => out.push(format!("{v} = f{k}({e})")),
                }
            }
            10 => self.closure_stmt(cx, out),
            11 => {
                cx.returns += 1;
                let c = self.cond(cx);
                out.push(format!("if {c} {{"));
                let bare_ok = cx.kind == Kind::Body && cx.named;
                if cx.value_return && !(bare_ok && self.rng.chance(1, 3)) {
                    let e = self.expr(cx, 1);
                    out.push(format!("\treturn {e}"));
                } else {
                    out.push("\treturn".to_string());
                }
                out.push("}".to_string());
            }
            12 => {
                let kw = if self.rng.chance(1, 2) {
                    "break"
                } else {
                    "continue"
                };
                let c = self.cond(cx);
                let label = if !cx.labels.is_empty() && self.rng.chance(1, 2) {
                    let i = self.rng.below(cx.labels.len() as u64) as usize;
                    cx.labels[i].1 = true;
                    self.count("labeled_jump");
                    format!(" {}", cx.labels[i].0)
                } else {
                    String::new()
                };
                out.push(format!("if {c} {{"));
                out.push(format!("\t{kw}{label}"));
                out.push("}".to_string());
            }
            13 => self.type_switch(cx, out),
            _ => {
                self.count("recover_not_deferred");
                let t = self.tag();
                if cx.kind == Kind::Deferred {
                    // Inside a deferred closure, a nested closure's recover is not direct.
                    out.push(format!("func() {{ fmt.Println({t}, recover()) }}()"));
                } else {
                    out.push(format!("fmt.Println({t}, recover())"));
                }
            }
        }
    }

    fn count_call(&mut self, cx: &Ctx) {
        if cx.in_loop {
            self.count("call_in_loop");
        }
        if cx.kind == Kind::Deferred {
            self.count("call_in_defer");
        }
    }

    /// A nested block of `n` statements at one more depth.
    fn sub(&mut self, cx: &mut Ctx, n: usize) -> Vec<String> {
        cx.depth += 1;
        let lines = self.block(cx, n);
        cx.depth -= 1;
        indent(lines)
    }

    fn if_stmt(&mut self, cx: &mut Ctx, out: &mut Vec<String>) {
        let c = self.cond(cx);
        let was = cx.in_cond;
        cx.in_cond = true;
        out.push(format!("if {c} {{"));
        let n = self.rng.range(1, 3) as usize;
        out.extend(self.sub(cx, n));
        if self.rng.chance(1, 2) {
            out.push("} else {".to_string());
            let n = self.rng.range(1, 2) as usize;
            out.extend(self.sub(cx, n));
        }
        out.push("}".to_string());
        cx.in_cond = was;
    }

    fn switch_stmt(&mut self, cx: &mut Ctx, out: &mut Vec<String>) {
        self.count("switch");
        let was = cx.in_cond;
        cx.in_cond = true;
        let v = self.var(cx);
        if self.rng.chance(1, 2) {
            out.push(format!("switch {v} % 3 {{"));
            out.push("case 0:".to_string());
            out.extend(self.sub(cx, 1));
            out.push("case 1, -1:".to_string());
            out.extend(self.sub(cx, 1));
        } else {
            let c = self.cond(cx);
            out.push("switch {".to_string());
            out.push(format!("case {c}:"));
            out.extend(self.sub(cx, 2));
        }
        out.push("default:".to_string());
        out.extend(self.sub(cx, 1));
        out.push("}".to_string());
        cx.in_cond = was;
    }

    fn loop_stmt(&mut self, cx: &mut Ctx, out: &mut Vec<String>) {
        let i = self.fresh("i");
        let n = self.rng.range(0, 4);
        let header = match self.rng.below(3) {
            0 => format!("for {i} := range {n} {{"),
            1 => format!("for {i} := 0; {i} < {n}; {i}++ {{"),
            _ => {
                // A condition loop over a counter declared just before.
                out.push(format!("{i} := 0"));
                format!("for {i} < {n} {{")
            }
        };
        let cond_loop = header.starts_with(&format!("for {i} <"));
        let label = self.fresh("Loop");
        let mut inner = cx.clone();
        inner.depth += 1;
        inner.in_loop = true;
        inner.labels.push((label.clone(), false));
        inner.scopes.push(Vec::new());
        // The counter is readable but never assigned by the body.
        inner.vars.push(i.clone());
        let mut body = Vec::new();
        if cond_loop {
            body.push(format!("{i}++"));
        }
        let k = self.rng.range(1, 3) as usize;
        body.extend(self.block(&mut inner, k));
        inner.scopes.pop();
        if !cond_loop {
            // Keep the per-iteration variable used.
            let t = self.tag();
            body.push(format!("fmt.Println({t}, {i})"));
        }
        let used = inner.labels.last().is_some_and(|l| l.1);
        // Propagate uses of outer labels and the statistics.
        for (j, l) in cx.labels.iter_mut().enumerate() {
            l.1 |= inner.labels[j].1;
        }
        cx.defers += inner.defers;
        cx.returns += inner.returns;
        if used {
            out.push(format!("{label}:"));
        }
        out.push(header);
        out.extend(indent(body));
        out.push("}".to_string());
        if cond_loop {
            let t = self.tag();
            out.push(format!("fmt.Println({t}, {i})"));
        }
    }

    fn type_switch(&mut self, cx: &mut Ctx, out: &mut Vec<String>) {
        self.count("type_switch");
        let a = self.fresh("a");
        let x = self.fresh("x");
        let init = self.any_value(cx);
        out.push(format!("var {a} any = {init}"));
        out.push(format!("switch {x} := {a}.(type) {{"));
        for case in ["int", "string", "error", "bool"] {
            if self.rng.chance(3, 4) {
                let t = self.tag();
                out.push(format!("case {case}:"));
                out.push(format!("\tfmt.Println({t}, {x})"));
            }
        }
        if self.rng.chance(1, 2) {
            out.push("case nil:".to_string());
            out.push(format!("\tfmt.Println({}, {x})", self.tag()));
        }
        let t = self.tag();
        out.push("default:".to_string());
        out.push(format!("\tfmt.Println({t}, {x})"));
        out.push("}".to_string());
    }

    /// A value for an `any`: an int, a string, a bool, an error or nil.
    fn any_value(&mut self, cx: &Ctx) -> String {
        match self.rng.below(5) {
            0 | 1 => self.expr(cx, 1),
            2 => self.tag(),
            3 => format!("{} > 2", self.var(cx)),
            _ => {
                if self.rng.chance(1, 2) {
                    "nil".to_string()
                } else {
                    self.uses_errors = true;
                    format!("errors.New({})", self.tag())
                }
            }
        }
    }

    /// An operation that may raise a runtime error, depending on the values.
    fn runtime_error(&mut self, cx: &mut Ctx, out: &mut Vec<String>) {
        let v = self.rng.pick(&cx.assignable).clone();
        let w = self.var(cx);
        match self.rng.below(6) {
            0 => {
                self.count("rt_div_zero");
                let op = if self.rng.chance(1, 2) { "/" } else { "%" };
                let e = self.expr(cx, 1);
                out.push(format!("{v} = {e} {op} ({w} % 4)"));
            }
            1 => {
                self.count("rt_index");
                let s = self.fresh("s");
                let (a, b) = (self.expr(cx, 1), self.expr(cx, 1));
                out.push(format!("{s} := []int{{{a}, {b}, 7}}"));
                if self.rng.chance(1, 2) {
                    out.push(format!("{v} = {s}[{w}%5]"));
                } else {
                    out.push(format!("{s}[{w}%4] = {v}"));
                    out.push(format!("{v} += {s}[0]"));
                }
            }
            2 => {
                self.count("rt_slice");
                let s = self.fresh("s");
                out.push(format!("{s} := []int{{1, 2, 3, 4}}"));
                let lo = self.rng.range(0, 2);
                if self.rng.chance(1, 2) {
                    out.push(format!("{v} = len({s}[{lo}:{w}%6])"));
                } else {
                    out.push(format!("{v} = len({s}[{w}%6:])"));
                }
            }
            3 => {
                self.count("rt_index");
                out.push(format!("{v} = int(\"abc\"[{w}%5])"));
            }
            4 => {
                self.count("rt_nil_deref");
                let p = self.fresh("q");
                let (e, c) = (self.expr(cx, 1), self.cond(cx));
                out.push(format!("{p} := &T{{n: {e}, s: {}}}", self.tag()));
                out.push(format!("if {c} {{"));
                out.push(format!("\t{p} = nil"));
                out.push("}".to_string());
                out.push(format!("{v} = {p}.n"));
            }
            _ => {
                self.count("rt_type_assert");
                let a = self.fresh("a");
                let init = self.any_value(cx);
                out.push(format!("var {a} any = {init}"));
                if self.rng.chance(1, 2) {
                    out.push(format!("{v} += {a}.(int)"));
                } else {
                    out.push(format!("{v} += len({a}.(string))"));
                }
            }
        }
    }

    fn closure_stmt(&mut self, cx: &mut Ctx, out: &mut Vec<String>) {
        match self.rng.below(4) {
            0 => {
                // A closure called on the spot, deferring inside.
                let mut inner = cx.closure(Kind::Closure);
                let mut body = Vec::new();
                inner.scopes.push(Vec::new());
                self.defer_stmt(&mut inner, &mut body);
                inner.scopes.pop();
                let n = self.rng.range(1, 3) as usize;
                body.extend(self.block(&mut inner, n));
                self.count("defer_in_closure");
                out.push("func() {".to_string());
                out.extend(indent(body));
                out.push("}()".to_string());
            }
            1 => {
                // A local closure, called twice, that does not escape.
                self.count("closure_local");
                let c = self.fresh("c");
                let a = self.fresh("a");
                let mut inner = cx.closure(Kind::Closure);
                inner.value_return = true;
                inner.vars.push(a.clone());
                inner.assignable.push(a.clone());
                let n = self.rng.range(1, 3) as usize;
                let mut body = self.block(&mut inner, n);
                let e = self.expr(&inner, 2);
                body.push(format!("return {e}"));
                out.push(format!("{c} := func({a} int) int {{"));
                out.extend(indent(body));
                out.push("}".to_string());
                let v = self.rng.pick(&cx.assignable).clone();
                let (e1, e2) = (self.expr(cx, 1), self.expr(cx, 1));
                // Plain `=`: in `v += c(e)` Go leaves open whether `v` is read before
                // or after `c` runs, and `c` may change `v`.
                out.push(format!("{v} = {c}({e1})"));
                out.push(format!("{v} = {c}({e2})"));
            }
            _ => {
                // A closure that escapes into the global `sink`, called from main.
                self.count("closure_escaping");
                if cx.in_loop {
                    self.count("closure_loopvar");
                }
                let v = self.rng.pick(&cx.assignable).clone();
                let e = self.expr(cx, 1);
                let t = self.tag();
                out.push("sink = func() int {".to_string());
                out.push(format!("\t{v} += {e}"));
                out.push(format!("\tfmt.Println({t}, {v})"));
                out.push(format!("\treturn {v}"));
                out.push("}".to_string());
            }
        }
    }

    /// One `defer` statement in one of its many forms.
    pub fn defer_stmt(&mut self, cx: &mut Ctx, out: &mut Vec<String>) {
        cx.defers += 1;
        let position = match cx.kind {
            Kind::Deferred => "defer_in_deferred",
            _ if cx.in_loop => "defer_loop",
            _ if cx.in_cond => "defer_cond",
            Kind::Closure => "defer_in_closure",
            Kind::Body => "defer_straight",
        };
        self.count(position);
        let deep = cx.depth >= 3;
        let w_call = if self.deferrable.is_empty() { 0 } else { 2 };
        // `defer recover()` in a deferred closure's own body stops a running panic:
        // that is the optional nested shape.
        let nested = cx.kind == Kind::Deferred;
        let w_recover = if nested && !self.cfg.nested_defer_recover {
            0
        } else {
            1
        };
        let weights = [
            if deep { 0 } else { 6 },                     // 0 deferred closure
            3,                                            // 1 closure with arguments
            3,                                            // 2 defer fmt.Println(args)
            w_call,                                       // 3 defer fK(e)
            2,                                            // 4 method
            w_recover,                                    // 5 defer recover()
            1,                                            // 6 print/println
            1,                                            // 7 defer panic
            1,                                            // 8 nil func
            u32::from(self.cfg.nested_defer_recover) * 2, // 9 nested defer recover()
            3,                                            // 10 recover directly
            1,                                            // 11 recover in a helper
        ];
        match self.rng.weighted(&weights) {
            0 => {
                let mut lines = Vec::new();
                if cx.named && self.rng.chance(1, 2) {
                    let t = self.tag();
                    lines.push(format!("fmt.Println({t}, r)"));
                    self.count("named_result_read");
                    if self.rng.chance(2, 3) {
                        let e = self.expr(cx, 1);
                        lines.push(format!("r = r*2 + {e}"));
                        self.count("named_result_write");
                    }
                }
                let n = self.rng.range(1, 3) as usize;
                let body = self.closure_block(cx, Kind::Deferred, n);
                if body.iter().any(|l| l.contains("panic(")) {
                    self.count("panic_in_defer");
                }
                lines.extend(body);
                out.push("defer func() {".to_string());
                out.extend(indent(lines));
                out.push("}()".to_string());
            }
            1 => {
                self.count("defer_args");
                let a = self.fresh("a");
                let (e, v, t) = (self.expr(cx, 2), self.var(cx), self.tag());
                out.push(format!("defer func({a} int) {{"));
                out.push(format!("\tfmt.Println({t}, {a}, {v})"));
                out.push(format!("}}({e})"));
            }
            2 => {
                self.count("defer_args");
                let (e, t) = (self.expr(cx, 2), self.tag());
                out.push(format!("defer fmt.Println({t}, {e})"));
            }
            3 => {
                self.count("defer_func_call");
                self.count("call_in_defer");
                if cx.in_loop {
                    self.count("call_in_loop");
                }
                let k = *self.rng.pick(&self.deferrable);
                let e = self.expr(cx, 1);
                out.push(format!("defer f{k}({e})"));
            }
            4 => {
                self.count("defer_method");
                let t = self.fresh("t");
                let (e, tag) = (self.expr(cx, 1), self.tag());
                out.push(format!("{t} := T{{n: {e}, s: {tag}}}"));
                if self.rng.chance(1, 2) {
                    let d = self.expr(cx, 1);
                    out.push(format!("defer {t}.add({d})"));
                } else {
                    out.push(format!("defer {t}.show({})", self.tag()));
                }
                out.push(format!("{t}.n += 100"));
            }
            5 => {
                if nested {
                    self.count("nested_defer_recover");
                } else {
                    self.count("defer_recover");
                }
                if cx.kind == Kind::Body {
                    self.body_defers_recover = true;
                }
                out.push("defer recover()".to_string());
            }
            6 => {
                self.count("defer_builtin_print");
                let (e, t) = (self.expr(cx, 1), self.tag());
                if self.rng.chance(1, 2) {
                    out.push(format!("defer println({t}, {e})"));
                } else {
                    out.push(format!("defer print({t}, {e}, \"\\n\")"));
                }
            }
            7 => {
                self.count("defer_panic");
                self.count("panic_in_defer");
                let v = self.panic_value(cx);
                out.push(format!("defer panic({v})"));
            }
            8 => {
                self.count("defer_nil_func");
                let f = self.fresh("fn");
                let (c, e, t) = (self.cond(cx), self.expr(cx, 1), self.tag());
                out.push(format!("var {f} func(int)"));
                out.push(format!("if {c} {{"));
                out.push(format!("\t{f} = func(a int) {{ fmt.Println({t}, a) }}"));
                out.push("}".to_string());
                out.push(format!("defer {f}({e})"));
            }
            9 => {
                self.count("nested_defer_recover");
                let t = self.tag();
                out.push("defer func() {".to_string());
                out.push("\tdefer recover()".to_string());
                out.push(format!("\tfmt.Println({t})"));
                out.push("}()".to_string());
            }
            10 => {
                self.count("recover_direct");
                let t = self.tag();
                out.push("defer func() {".to_string());
                out.push("\trec := recover()".to_string());
                out.push(format!("\tfmt.Println({t}, rec)"));
                if cx.named && self.rng.chance(1, 2) {
                    self.count("named_result_write");
                    out.push("\tif rec != nil {".to_string());
                    out.push(format!("\t\tr = {}", self.rng.range(-9, 99)));
                    out.push("\t}".to_string());
                }
                if self.rng.chance(1, 3) {
                    self.count("repanic");
                    self.count("panic_in_defer");
                    out.push("\tif rec != nil {".to_string());
                    if self.rng.chance(1, 2) {
                        out.push("\t\tpanic(rec)".to_string());
                    } else {
                        out.push(format!("\t\tpanic(fmt.Sprint({}, rec))", self.tag()));
                    }
                    out.push("\t}".to_string());
                }
                out.push("}()".to_string());
            }
            _ => {
                self.count("recover_helper");
                let t = self.tag();
                out.push(format!(
                    "defer func() {{ fmt.Println({t}, helperRecover()) }}()"
                ));
            }
        }
    }
}
