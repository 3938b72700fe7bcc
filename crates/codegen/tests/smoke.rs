//! Smoke tests: tiny modules built with the `ir` API (the IR text parser is not there
//! yet; when `ir::parse` lands these become `.ir` fixtures), compiled, run in capture
//! mode, and compared with what Go prints.

use codegen::{compile, Options, RunOutput};
use ir::{
    Block, BlockCall, BoundKind, FuncId, Function, GoKind, GoTypeDesc, GoTypeId, Imm, InstData,
    IntCC, Module, Opcode, RtFunc, Signature, Type, Value,
};

/// A minimal function builder for tests.
struct B<'a> {
    f: &'a mut Function,
    cur: Block,
}

impl<'a> B<'a> {
    fn new(f: &'a mut Function) -> (B<'a>, Vec<Value>) {
        let entry = f.append_block();
        let params: Vec<Value> = f
            .sig
            .params
            .clone()
            .into_iter()
            .map(|t| f.dfg.append_block_param(entry, t))
            .collect();
        (B { f, cur: entry }, params)
    }
    fn block(&mut self, params: &[Type]) -> (Block, Vec<Value>) {
        let b = self.f.append_block();
        let ps = params
            .iter()
            .map(|&t| self.f.dfg.append_block_param(b, t))
            .collect();
        (b, ps)
    }
    fn at(&mut self, b: Block) {
        self.cur = b;
    }
    fn ins(&mut self, d: InstData, results: &[Type]) -> Vec<Value> {
        let i = self.f.append_inst(self.cur, d, results);
        self.f.dfg.inst_results(i).to_vec()
    }
    fn op(&mut self, op: Opcode, ty: Type, args: &[Value]) -> Value {
        self.ins(InstData::new(op).ty(ty).args(args), &[ty])[0]
    }
    fn iconst(&mut self, ty: Type, v: i64) -> Value {
        self.ins(InstData::new(Opcode::Iconst).ty(ty).imm(Imm::Int(v)), &[ty])[0]
    }
    fn sconst(&mut self, s: &str) -> Value {
        self.ins(
            InstData::new(Opcode::Sconst).imm(Imm::Str(s.as_bytes().to_vec())),
            &[Type::Str],
        )[0]
    }
    fn icmp(&mut self, cc: IntCC, ty: Type, a: Value, b: Value) -> Value {
        self.ins(
            InstData::new(Opcode::Icmp)
                .ty(ty)
                .args(&[a, b])
                .imm(Imm::Cond(cc)),
            &[Type::Bool],
        )[0]
    }
    fn call(&mut self, f: FuncId, args: &[Value], results: &[Type]) -> Vec<Value> {
        self.ins(
            InstData::new(Opcode::Call).args(args).imm(Imm::Func(f)),
            results,
        )
    }
    fn rtcall(&mut self, f: RtFunc, args: &[Value]) -> Vec<Value> {
        self.ins(
            InstData::new(Opcode::RtCall).args(args).imm(Imm::Rt(f)),
            f.results(),
        )
    }
    fn boxed(&mut self, x: Value, t: GoTypeId) -> Value {
        self.ins(
            InstData::new(Opcode::Box).args(&[x]).imm(Imm::GoType(t)),
            &[Type::Iface],
        )[0]
    }
    /// A `[]iface` of the given values, for the fmt runtime functions.
    fn iface_slice(&mut self, vals: &[Value]) -> Value {
        let n = self.iconst(Type::I64, vals.len() as i64);
        let p = self.ins(
            InstData::new(Opcode::AllocArray).ty(Type::Iface).args(&[n]),
            &[Type::Ptr],
        )[0];
        for (i, &v) in vals.iter().enumerate() {
            let iv = self.iconst(Type::I64, i as i64);
            let a = self.ins(
                InstData::new(Opcode::IndexAddr)
                    .ty(Type::Iface)
                    .args(&[p, iv]),
                &[Type::Ptr],
            )[0];
            self.ins(InstData::new(Opcode::Store).args(&[a, v]), &[]);
        }
        self.ins(
            InstData::new(Opcode::SliceNew).args(&[p, n, n]),
            &[Type::Slice],
        )[0]
    }
    fn println(&mut self, vals: &[Value]) {
        let s = self.iface_slice(vals);
        self.rtcall(RtFunc::FmtPrintln, &[s]);
    }
    fn jump(&mut self, b: Block, args: &[Value]) {
        self.ins(
            InstData::new(Opcode::Jump).targets(vec![BlockCall {
                block: b,
                args: args.to_vec(),
            }]),
            &[],
        );
    }
    fn brif(&mut self, c: Value, t: Block, e: Block) {
        self.ins(
            InstData::new(Opcode::Brif)
                .args(&[c])
                .targets(vec![Function::target(t, &[]), Function::target(e, &[])]),
            &[],
        );
    }
    fn ret(&mut self, vals: &[Value]) {
        self.ins(InstData::new(Opcode::Ret).args(vals), &[]);
    }
    /// `if panicking { ret zeros }` (the panic path of a function without defers).
    fn propagate(&mut self, results: &[Type]) {
        let p = self.ins(InstData::new(Opcode::Panicking), &[Type::Bool])[0];
        let (out, _) = self.block(&[]);
        let (cont, _) = self.block(&[]);
        self.brif(p, out, cont);
        self.at(out);
        let zs: Vec<Value> = results
            .iter()
            .map(|&t| self.ins(InstData::new(Opcode::Zero).ty(t), &[t])[0])
            .collect();
        self.ret(&zs);
        self.at(cont);
    }
}

fn sig(params: &[Type], results: &[Type]) -> Signature {
    let mut p = vec![Type::Ptr, Type::I64];
    p.extend_from_slice(params);
    Signature {
        params: p,
        results: results.to_vec(),
    }
}

fn go_type(m: &mut Module, name: &str, kind: GoKind) -> GoTypeId {
    m.go_types.push(GoTypeDesc {
        name: name.into(),
        kind,
        error_method: None,
    })
}

fn int_type(m: &mut Module) -> GoTypeId {
    go_type(
        m,
        "int",
        GoKind::Int {
            bits: 64,
            signed: true,
        },
    )
}

fn run(m: &Module) -> RunOutput {
    let opts = Options {
        verify: true,
        opt: true,
    };
    let p = compile(m, &opts).unwrap_or_else(|e| panic!("{e}"));
    p.run_main_captured()
}

fn check(out: &RunOutput, status: i32, stdout: &str, stderr_prefix: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stderr_head = stderr
        .split("\ngoroutine 1 [running]:")
        .next()
        .unwrap_or("");
    assert_eq!(
        (
            out.status,
            String::from_utf8_lossy(&out.stdout).as_ref(),
            stderr_head
        ),
        (status, stdout, stderr_prefix)
    );
}

/// `func fib(n int) int` and `main` printing `fib(20)` and a string.
#[test]
fn fib_and_println() {
    let mut m = Module::default();
    let tint = int_type(&mut m);
    let tstr = go_type(&mut m, "string", GoKind::String);
    let fib = m
        .funcs
        .push(Function::new("fib", sig(&[Type::I64], &[Type::I64])));
    let main = m.funcs.push(Function::new("main", sig(&[], &[])));
    {
        let f = &mut m.funcs[fib];
        let (mut b, ps) = B::new(f);
        let (env, n) = (ps[0], ps[2]);
        let two = b.iconst(Type::I64, 2);
        let lt = b.icmp(IntCC::Slt, Type::I64, n, two);
        let (small, _) = b.block(&[]);
        let (big, _) = b.block(&[]);
        b.brif(lt, small, big);
        b.at(small);
        b.ret(&[n]);
        b.at(big);
        let one = b.iconst(Type::I64, 1);
        let n1 = b.op(Opcode::Isub, Type::I64, &[n, one]);
        let tok = b.iconst(Type::I64, 0);
        let a = b.call(fib, &[env, tok, n1], &[Type::I64])[0];
        b.propagate(&[Type::I64]);
        let n2 = b.op(Opcode::Isub, Type::I64, &[n, two]);
        let c = b.call(fib, &[env, tok, n2], &[Type::I64])[0];
        b.propagate(&[Type::I64]);
        let s = b.op(Opcode::Iadd, Type::I64, &[a, c]);
        b.ret(&[s]);
    }
    {
        let f = &mut m.funcs[main];
        let (mut b, ps) = B::new(f);
        let n = b.iconst(Type::I64, 20);
        let tok = b.iconst(Type::I64, 0);
        let r = b.call(fib, &[ps[0], tok, n], &[Type::I64])[0];
        let x = b.boxed(r, tint);
        let s = b.sconst("fib");
        let y = b.boxed(s, tstr);
        b.println(&[y, x]);
        b.ret(&[]);
    }
    m.main = Some(main);
    check(&run(&m), 0, "fib 6765\n", "");
}

/// Division with Go's semantics, then a division by zero that is not recovered.
#[test]
fn division_and_divide_by_zero() {
    let mut m = Module::default();
    let tint = int_type(&mut m);
    let div = m.funcs.push(Function::new(
        "div",
        sig(&[Type::I64, Type::I64], &[Type::I64, Type::I64]),
    ));
    let main = m.funcs.push(Function::new("main", sig(&[], &[])));
    {
        let (mut b, ps) = B::new(&mut m.funcs[div]);
        let (x, y) = (ps[2], ps[3]);
        b.ins(InstData::new(Opcode::CheckDiv).args(&[y]), &[]);
        b.propagate(&[Type::I64, Type::I64]);
        let q = b.op(Opcode::Sdiv, Type::I64, &[x, y]);
        let r = b.op(Opcode::Srem, Type::I64, &[x, y]);
        b.ret(&[q, r]);
    }
    {
        let (mut b, ps) = B::new(&mut m.funcs[main]);
        let tok = b.iconst(Type::I64, 0);
        let min = b.iconst(Type::I64, i64::MIN);
        let m1 = b.iconst(Type::I64, -1);
        let seven = b.iconst(Type::I64, -7);
        let two = b.iconst(Type::I64, 2);
        let zero = b.iconst(Type::I64, 0);
        for (x, y) in [(min, m1), (seven, two), (seven, zero)] {
            let qr = b.call(div, &[ps[0], tok, x, y], &[Type::I64, Type::I64]);
            b.propagate(&[]);
            let q = b.boxed(qr[0], tint);
            let r = b.boxed(qr[1], tint);
            b.println(&[q, r]);
        }
        b.ret(&[]);
    }
    m.main = Some(main);
    check(
        &run(&m),
        2,
        "-9223372036854775808 0\n-3 -1\n",
        "panic: runtime error: integer divide by zero\n",
    );
}

/// Shifts by counts at or past the width, and a failed bounds check.
#[test]
fn shifts_and_bounds() {
    let mut m = Module::default();
    let tint = int_type(&mut m);
    let main = m.funcs.push(Function::new("main", sig(&[], &[])));
    {
        let (mut b, _) = B::new(&mut m.funcs[main]);
        let x = b.iconst(Type::I64, -8);
        let c1 = b.iconst(Type::I64, 1);
        let c64 = b.iconst(Type::I64, 64);
        let c200 = b.iconst(Type::I8, 200);
        let a = b.op(Opcode::Ishl, Type::I64, &[x, c1]);
        let s = b.op(Opcode::Ishl, Type::I64, &[x, c64]);
        let t = b.op(Opcode::Sshr, Type::I64, &[x, c200]);
        let u = b.op(Opcode::Ushr, Type::I64, &[x, c64]);
        let vs: Vec<Value> = [a, s, t, u].iter().map(|&v| b.boxed(v, tint)).collect();
        b.println(&vs);
        let i = b.iconst(Type::I64, 5);
        let n = b.iconst(Type::I64, 3);
        b.ins(InstData::new(Opcode::CheckIndex).args(&[i, n]), &[]);
        b.propagate(&[]);
        let lo = b.iconst(Type::I64, 0);
        let hi = b.iconst(Type::I64, 7);
        b.ins(
            InstData::new(Opcode::CheckSlice)
                .args(&[lo, hi, n])
                .imm(Imm::Bound(BoundKind::Cap)),
            &[],
        );
        b.ret(&[]);
    }
    m.main = Some(main);
    check(
        &run(&m),
        2,
        "-16 0 -1 0\n",
        "panic: runtime error: index out of range [5] with length 3\n",
    );
}

/// `panic("boom")` recovered by a deferred call, then an uncaught `panic("again")`.
#[test]
fn raise_recover_and_uncaught_chain() {
    let mut m = Module::default();
    let tstr = go_type(&mut m, "string", GoKind::String);
    let main = m.funcs.push(Function::new("main", sig(&[], &[])));
    let deferred = m.funcs.push(Function::new("main.func1", sig(&[], &[])));
    {
        // The deferred function: prints what recover returns.
        let (mut b, ps) = B::new(&mut m.funcs[deferred]);
        let r = b.ins(
            InstData::new(Opcode::Recover).args(&[ps[1]]),
            &[Type::Iface],
        )[0];
        let msg = b.sconst("recovered:");
        let msg = b.boxed(msg, tstr);
        b.println(&[msg, r]);
        b.ret(&[]);
    }
    {
        // main: raise, then the lowered defer protocol around the deferred call, then a
        // second raise that nobody recovers.
        let (mut b, ps) = B::new(&mut m.funcs[main]);
        let s = b.sconst("boom");
        let v = b.boxed(s, tstr);
        b.ins(InstData::new(Opcode::Raise).args(&[v]), &[]);
        let tok = b.ins(InstData::new(Opcode::DeferEnter), &[Type::I64])[0];
        b.call(deferred, &[ps[0], tok], &[]);
        b.ins(InstData::new(Opcode::DeferExit).args(&[tok]), &[]);
        b.propagate(&[]);
        let s = b.sconst("again");
        let v = b.boxed(s, tstr);
        b.ins(InstData::new(Opcode::Raise).args(&[v]), &[]);
        b.ret(&[]);
    }
    m.main = Some(main);
    check(&run(&m), 2, "recovered: boom\n", "panic: again\n");
}

/// Unbounded recursion ends with Go's fatal error, not a crash.
#[test]
fn stack_overflow_is_fatal() {
    let mut m = Module::default();
    let main = m.funcs.push(Function::new("main", sig(&[], &[])));
    {
        let (mut b, ps) = B::new(&mut m.funcs[main]);
        b.call(main, &[ps[0], ps[1]], &[]);
        b.ret(&[]);
    }
    m.main = Some(main);
    check(
        &run(&m),
        2,
        "",
        "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\nruntime stack:\n",
    );
}

/// A loop with block parameters: the sum of 1..=100, and a `[]int` built by
/// `make` and `append` whose capacity follows Go's growth.
#[test]
fn loop_with_block_params() {
    let mut m = Module::default();
    let tint = int_type(&mut m);
    let main = m.funcs.push(Function::new("main", sig(&[], &[])));
    {
        let (mut b, _) = B::new(&mut m.funcs[main]);
        let zero = b.iconst(Type::I64, 0);
        let one = b.iconst(Type::I64, 1);
        let (head, hp) = b.block(&[Type::I64, Type::I64]);
        let (done, _) = b.block(&[]);
        let (body, _) = b.block(&[]);
        b.jump(head, &[one, zero]);
        b.at(head);
        let (i, sum) = (hp[0], hp[1]);
        let hundred = b.iconst(Type::I64, 100);
        let c = b.icmp(IntCC::Sgt, Type::I64, i, hundred);
        b.brif(c, done, body);
        b.at(body);
        let sum2 = b.op(Opcode::Iadd, Type::I64, &[sum, i]);
        let i2 = b.op(Opcode::Iadd, Type::I64, &[i, one]);
        b.jump(head, &[i2, sum2]);
        b.at(done);
        let x = b.boxed(sum, tint);
        // s := make([]int, 0, 0); s = append(s, 1, 2, 3, 4, 5); println(len, cap)
        let eight = b.iconst(Type::I64, 8);
        let s = b.rtcall(RtFunc::MakeSlice, &[zero, zero, eight])[0];
        let five = b.iconst(Type::I64, 5);
        let s = b.rtcall(RtFunc::GrowSlice, &[s, five, eight])[0];
        let len = b.op(Opcode::SliceLen, Type::I64, &[s]);
        let cap = b.op(Opcode::SliceCap, Type::I64, &[s]);
        let (l, c) = (b.boxed(len, tint), b.boxed(cap, tint));
        b.println(&[x, l, c]);
        b.ret(&[]);
    }
    m.main = Some(main);
    check(&run(&m), 0, "5050 5 6\n", "");
}
