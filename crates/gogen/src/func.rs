//! The program level: the fixed prelude (a struct type with methods, globals, the
//! `run` wrapper that recovers a test function's panic), the generated functions in
//! their shapes (general, small with a defer, many defers and returns, recursive), and
//! `main`, which calls each function a few times and ends normally, with an uncaught
//! panic or with `os.Exit`.

use crate::rng::Rng;
use crate::stmt::{Ctx, Kind};
use crate::Config;
use std::collections::BTreeMap;

pub struct Gen {
    pub rng: Rng,
    pub cfg: Config,
    pub features: BTreeMap<&'static str, u64>,
    /// Generated functions so far; a function calls only earlier ones.
    pub nfuncs: usize,
    /// Per generated function, whether `defer fK(...)` may name it: not when its body
    /// defers `recover()` itself, which would then stop a panic (the optional
    /// `nested_defer_recover` shape, deferlab's known gap).
    pub deferrable: Vec<usize>,
    /// The function being generated defers `recover()` in its own body.
    pub body_defers_recover: bool,
    pub uses_errors: bool,
    pub uses_os: bool,
    /// Counters for fresh names and print tags.
    pub next_var: usize,
    pub next_tag: usize,
}

const PRELUDE: &str = r#"type T struct {
	n int
	s string
}

func (t *T) add(d int) int {
	t.n += d
	fmt.Println("add", t.s, t.n)
	return t.n
}

func (t T) show(tag string) {
	fmt.Println(tag, t.s, t.n)
}

var g0 int
var sink func() int

// helperRecover is called by deferred closures: it is not itself deferred, so its
// recover returns nil.
func helperRecover() any {
	return recover()
}

func run(name string, f func(int) int, arg int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "recovered:", r)
		}
	}()
	fmt.Println(name, "=", f(arg))
}
"#;

impl Gen {
    pub fn new(seed: u64, cfg: Config) -> Gen {
        Gen {
            rng: Rng::new(seed),
            cfg,
            features: BTreeMap::new(),
            nfuncs: 0,
            deferrable: Vec::new(),
            body_defers_recover: false,
            uses_errors: false,
            uses_os: false,
            next_var: 0,
            next_tag: 0,
        }
    }

    pub fn count(&mut self, feature: &'static str) {
        *self.features.entry(feature).or_insert(0) += 1;
    }

    pub fn fresh(&mut self, prefix: &str) -> String {
        self.next_var += 1;
        format!("{prefix}{}", self.next_var)
    }

    /// A unique string literal for a print, so output lines can be traced to source.
    pub fn tag(&mut self) -> String {
        self.next_tag += 1;
        format!("\"L{}\"", self.next_tag)
    }

    pub fn program(&mut self) -> String {
        let n = self.rng.range(2, 7) as usize;
        let mut funcs = Vec::new();
        for k in 0..n {
            self.body_defers_recover = false;
            funcs.push(self.function(k));
            if !self.body_defers_recover || self.cfg.nested_defer_recover {
                self.deferrable.push(k);
            }
            self.nfuncs = k + 1;
        }
        let main = self.main(n);
        let mut out = String::from("package main\n\nimport (\n");
        if self.uses_errors {
            out.push_str("\t\"errors\"\n");
        }
        out.push_str("\t\"fmt\"\n");
        if self.uses_os {
            out.push_str("\t\"os\"\n");
        }
        out.push_str(")\n\n");
        out.push_str(PRELUDE);
        for f in funcs {
            out.push('\n');
            out.push_str(&f);
        }
        out.push('\n');
        out.push_str(&main);
        out
    }

    fn function(&mut self, k: usize) -> String {
        match self.rng.weighted(&[6, 3, 1, 1]) {
            0 => self.general(k),
            1 => self.small(k),
            2 => self.many(k),
            _ => self.recursive(k),
        }
    }

    fn signature(&mut self, k: usize, named: bool) -> String {
        if named {
            format!("func f{k}(p int) (r int) {{\n")
        } else {
            format!("func f{k}(p int) int {{\n")
        }
    }

    fn general(&mut self, k: usize) -> String {
        let named = self.rng.chance(2, 3);
        let mut s = self.signature(k, named);
        let mut cx = Ctx::body(named);
        let n = self.rng.range(3, 8) as usize;
        let mut lines = self.block(&mut cx, n);
        if cx.returns >= 4 {
            self.count("many_returns");
        }
        if cx.defers >= 9 {
            self.count("many_defers");
        }
        if named && self.rng.chance(1, 2) {
            lines.push("return".to_string());
        } else {
            let e = self.expr(&cx, 2);
            lines.push(format!("return {e}"));
        }
        push_block(&mut s, &lines, 1);
        s.push_str("}\n");
        s
    }

    /// A small function with one defer: what an inliner would inline into its callers'
    /// loops and deferred calls.
    fn small(&mut self, k: usize) -> String {
        self.count("small_defer_func");
        let named = self.rng.chance(1, 2);
        let mut s = self.signature(k, named);
        let mut cx = Ctx::body(named);
        let mut lines = Vec::new();
        self.defer_stmt(&mut cx, &mut lines);
        if self.rng.chance(1, 2) {
            let n = self.rng.range(1, 2) as usize;
            lines.extend(self.block(&mut cx, n));
        }
        let e = self.expr(&cx, 1);
        lines.push(format!("return {e}"));
        push_block(&mut s, &lines, 1);
        s.push_str("}\n");
        s
    }

    /// Many defers and many returns in one function (open coding's limit is 8 defers).
    fn many(&mut self, k: usize) -> String {
        self.count("many_defers");
        self.count("many_returns");
        let named = self.rng.chance(1, 2);
        let mut s = self.signature(k, named);
        let mut cx = Ctx::body(named);
        let mut lines = Vec::new();
        let ndefers = self.rng.range(9, 13);
        let nreturns = self.rng.range(4, 6);
        for i in 0..ndefers.max(nreturns) {
            if i < ndefers {
                let t = self.tag();
                match self.rng.below(3) {
                    0 => lines.push(format!("defer fmt.Println({t}, p, {i})")),
                    1 => {
                        if named {
                            lines.push(format!("defer func() {{ r = r*3 + {i} }}()"));
                        } else {
                            lines.push(format!("defer func() {{ g0 += p + {i} }}()"));
                        }
                    }
                    _ => self.defer_stmt(&mut cx, &mut lines),
                }
            }
            if i < nreturns {
                let e = self.expr(&cx, 1);
                lines.push(format!("if p%7 == {i} {{"));
                lines.push(format!("\treturn {e}"));
                lines.push("}".to_string());
            }
        }
        let e = self.expr(&cx, 1);
        lines.push(format!("return {e}"));
        push_block(&mut s, &lines, 1);
        s.push_str("}\n");
        s
    }

    /// Bounded recursion with defers at every level, and maybe a panic at the bottom
    /// recovered some levels up.
    fn recursive(&mut self, k: usize) -> String {
        self.count("recursion");
        let t1 = self.tag();
        let t2 = self.tag();
        let bottom = if self.rng.chance(1, 2) {
            self.count("panic_value");
            format!("\t\tpanic({})\n", self.tag())
        } else {
            "\t\treturn 1\n".to_string()
        };
        let catch = if self.rng.chance(2, 3) {
            self.count("recover_direct");
            format!(
                "\tif n == {} {{\n\t\tdefer func() {{\n\t\t\tfmt.Println({t2}, n, recover())\n\t\t}}()\n\t}}\n",
                self.rng.range(1, 4)
            )
        } else {
            String::new()
        };
        let depth = self.rng.range(2, 5);
        format!(
            "func rec{k}(n int) (r int) {{\n\
             \tdefer func() {{\n\t\tr += n\n\t\tfmt.Println({t1}, n, r)\n\t}}()\n\
             {catch}\
             \tif n <= 0 {{\n{bottom}\t}}\n\
             \tr = rec{k}(n - 1)\n\
             \treturn r * 2\n}}\n\n\
             func f{k}(p int) int {{\n\treturn rec{k}(p&3 + {depth})\n}}\n"
        )
    }

    fn main(&mut self, n: usize) -> String {
        let mut lines = Vec::new();
        let ending = self.rng.weighted(&[7, 2, 1]);
        if ending != 0 || self.rng.chance(1, 3) {
            let t = self.tag();
            lines.push(format!("defer fmt.Println({t}, g0)"));
        }
        if ending == 1 && self.rng.chance(1, 3) {
            self.count("defer_recover");
            lines.push("defer recover()".to_string());
        }
        for k in 0..n {
            for _ in 0..self.rng.range(1, 3) {
                let arg = self.rng.range(-3, 12);
                lines.push(format!("run(\"f{k}\", f{k}, {arg})"));
            }
        }
        lines.push("fmt.Println(\"g0\", g0)".to_string());
        lines.push("if sink != nil {".to_string());
        lines.push("\tfmt.Println(\"sink\", sink(), sink())".to_string());
        lines.push("}".to_string());
        match ending {
            0 => {}
            1 => {
                self.count("uncaught_panic");
                let k = self.rng.below(n as u64);
                let arg = self.rng.range(-3, 12);
                lines.push(format!("fmt.Println(\"last\", f{k}({arg}))"));
                self.count("panic_value");
                let t = self.tag();
                lines.push(format!("panic({t})"));
            }
            _ => {
                self.count("os_exit");
                self.uses_os = true;
                lines.push(format!("os.Exit({})", self.rng.range(0, 3)));
            }
        }
        let mut s = String::from("func main() {\n");
        push_block(&mut s, &lines, 1);
        s.push_str("}\n");
        s
    }

    /// A statement sequence of about `n` statements in `cx`, ending with a print of
    /// the variables it declared (so none is unused).
    pub fn block(&mut self, cx: &mut Ctx, n: usize) -> Vec<String> {
        cx.scopes.push(Vec::new());
        let mut lines = Vec::new();
        for _ in 0..n {
            self.stmt(cx, &mut lines);
        }
        let declared = cx.scopes.pop().unwrap_or_default();
        if !declared.is_empty() {
            let t = self.tag();
            lines.push(format!("fmt.Println({t}, {})", declared.join(", ")));
        }
        cx.forget(&declared);
        lines
    }

    /// A nested block in a new context kind (a closure's body).
    pub fn closure_block(&mut self, outer: &Ctx, kind: Kind, n: usize) -> Vec<String> {
        let mut cx = outer.closure(kind);
        let lines = self.block(&mut cx, n);
        if matches!(kind, Kind::Deferred) && cx.defers > 0 {
            self.count("defer_in_deferred");
        }
        lines
    }
}

/// Appends `lines` indented by `depth` tabs (lines already hold their inner tabs).
pub fn push_block(s: &mut String, lines: &[String], depth: usize) {
    for l in lines {
        for _ in 0..depth {
            s.push('\t');
        }
        s.push_str(l);
        s.push('\n');
    }
}

/// `lines` indented one more level.
pub fn indent(lines: Vec<String>) -> Vec<String> {
    lines.into_iter().map(|l| format!("\t{l}")).collect()
}
