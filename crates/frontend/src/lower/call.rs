//! Calls: arguments, direct and indirect calls, and the wrapper functions behind
//! method values (`x.M`, `err.Error`) and method expressions (`(*T).M`).

use super::func::FuncCx;
use crate::hir::{Expr, ExprKind};
use crate::types::{TypeId, TypeKind};
use ir::{FuncCursor, Imm, InstData, IntCC, Opcode, RtFunc, Type, Value};

impl FuncCx<'_, '_> {
    pub fn call_args(&mut self, args: &[Expr]) -> Vec<Value> {
        if args.len() == 1 && matches!(self.m.prog.types.kind(args[0].ty), TypeKind::Tuple(_)) {
            return self.expr_multi(&args[0]);
        }
        args.iter().map(|a| self.expr(a)).collect()
    }
    pub(super) fn call(&mut self, callee: &Expr, args: &[Expr], ty: TypeId) -> Vec<Value> {
        if let ExprKind::FuncRef(f) = &callee.kind {
            let id = self.m.func_ids[f];
            let a = self.call_args(args);
            let at = self.m.call_paren(callee.span.hi, false);
            return self.direct_call_at(id, a, ty, at);
        }
        let fv = self.expr(callee);
        let a = self.call_args(args);
        self.ins_checked(InstData::new(Opcode::CheckNil).args(&[fv]), &[]);
        let tok = self.iconst(Type::I64, 0);
        let mut all = vec![fv, tok];
        all.extend(a);
        let rtys = self.m.ir_types(ty);
        self.ins_checked(InstData::new(Opcode::CallIndirect).args(&all), &rtys)
    }
    /// A direct call placed at `at` (gc's position of a call, its `(`) when known.
    pub fn direct_call_at(
        &mut self,
        f: ir::FuncId,
        args: Vec<Value>,
        ty: TypeId,
        at: Option<ir::SrcLoc>,
    ) -> Vec<Value> {
        let outer = self.loc;
        if let Some(loc) = at {
            self.loc = loc;
        }
        let r = self.direct_call(f, args, ty);
        self.loc = outer;
        r
    }
    pub fn direct_call(&mut self, f: ir::FuncId, args: Vec<Value>, ty: TypeId) -> Vec<Value> {
        let env = self.zero(Type::Ptr);
        let tok = self.iconst(Type::I64, 0);
        let mut all = vec![env, tok];
        all.extend(args);
        let rtys = self.m.module.funcs[f].sig.results.clone();
        let _ = ty;
        self.ins_checked(
            InstData::new(Opcode::Call).args(&all).imm(Imm::Func(f)),
            &rtys,
        )
    }
    /// `x.M` as a value: a closure over a copy of the receiver that calls the method.
    pub(super) fn method_value(&mut self, func: crate::hir::FuncId, recv: &Expr) -> Value {
        let r = self.expr(recv);
        self.nil_iface_check(r, recv.ty);
        let rty = self.m.ir_type(recv.ty);
        let cell = self.ins1(InstData::new(Opcode::Alloc).ty(rty), Type::Ptr);
        self.store(cell, r);
        let method = self.m.func_ids[&func];
        let msig = self.m.module.funcs[method].sig.clone();
        // The wrapper: (env, tok, params...) -> results, calling the method with the
        // receiver from the closure.
        let mut params = vec![Type::Ptr, Type::I64];
        params.extend_from_slice(&msig.params[3..]);
        let sig = ir::Signature {
            params: params.clone(),
            results: msig.results.clone(),
        };
        let name = format!("{}-fm", self.m.module.funcs[method].name);
        let mut f = ir::Function::new(name, sig);
        let b = f.append_block();
        let ps: Vec<Value> = params
            .iter()
            .map(|&t| f.dfg.append_block_param(b, t))
            .collect();
        let mut c = FuncCursor::new(&mut f).at_end(b);
        let cell_ptr = c.env_get(Type::Ptr, ps[0], 0);
        let rv = c.load(rty, cell_ptr);
        let z = c.zero(Type::Ptr);
        let mut args = vec![z, ps[1], rv];
        args.extend_from_slice(&ps[2..]);
        let call = c.call(method, &args, &msig.results);
        let rs = c.func.dfg.inst_results(call).to_vec();
        c.ret(&rs);
        self.closure_over(f, cell)
    }
    /// `err.Error` as a value: panics now on a nil `err`, else a closure holding `err`
    /// whose wrapper calls its `Error` method.
    pub(super) fn error_method_value(&mut self, recv: &Expr) -> Value {
        let r = self.expr(recv);
        let t = self.ins1(InstData::new(Opcode::IfaceType).args(&[r]), Type::Ptr);
        self.ins_checked(InstData::new(Opcode::CheckNil).args(&[t]), &[]);
        let cell = self.ins1(InstData::new(Opcode::Alloc).ty(Type::Iface), Type::Ptr);
        self.store(cell, r);
        let sig = ir::Signature {
            params: vec![Type::Ptr, Type::I64],
            results: vec![Type::Str],
        };
        let mut f = ir::Function::new("error.Error-fm", sig);
        let b = f.append_block();
        let env = f.dfg.append_block_param(b, Type::Ptr);
        f.dfg.append_block_param(b, Type::I64);
        let mut c = FuncCursor::new(&mut f).at_end(b);
        let cell_ptr = c.env_get(Type::Ptr, env, 0);
        let rv = c.load(Type::Iface, cell_ptr);
        // A panic in the `Error` method leaves the flag set; the caller tests it.
        let call = c.rtcall(RtFunc::ErrorText, &[rv]);
        let rs = c.func.dfg.inst_results(call).to_vec();
        c.ret(&rs);
        self.closure_over(f, cell)
    }
    /// A method expression: the method itself (its IR signature already takes the
    /// receiver first), or for `(*T).M` with a value receiver a wrapper that checks
    /// the pointer for nil and loads the receiver.
    pub(super) fn method_expr(
        &mut self,
        func: crate::hir::FuncId,
        deref: bool,
        ty: TypeId,
    ) -> Value {
        let method = self.m.func_ids[&func];
        if !deref {
            return self.ins1(
                InstData::new(Opcode::FuncRef).imm(Imm::Func(method)),
                Type::Func,
            );
        }
        let msig = self.m.module.funcs[method].sig.clone();
        let TypeKind::Func(fsig) = self.m.prog.types.kind(ty).clone() else {
            unreachable!("a method expression has a func type")
        };
        let TypeKind::Pointer(elem) = self.m.prog.types.kind(fsig.params[0]).clone() else {
            unreachable!("a dereferencing method expression takes a pointer")
        };
        let rty = self.m.ir_type(elem);
        let mut params = vec![Type::Ptr, Type::I64, Type::Ptr];
        params.extend_from_slice(&msig.params[3..]);
        let sig = ir::Signature {
            params: params.clone(),
            results: msig.results.clone(),
        };
        let mname = {
            let n = &self.m.module.funcs[method].name;
            n.rsplit('.').next().unwrap_or(n).to_string()
        };
        let name = format!("(*{}).{mname}", self.m.prog.types.display(elem));
        let mut f = ir::Function::new(name, sig);
        let b = f.append_block();
        let ps: Vec<Value> = params
            .iter()
            .map(|&t| f.dfg.append_block_param(b, t))
            .collect();
        // Go's wrapper: `if p == nil { panicwrap() }`.
        let nil = f.append_block();
        let on_panic = f.append_block();
        let ok = f.append_block();
        let mut c = FuncCursor::new(&mut f).at_end(b);
        let z = c.zero(Type::Ptr);
        let is_nil = c.icmp(IntCC::Eq, Type::Ptr, ps[2], z);
        c.brif(is_nil, nil, ok);
        let tname = self.m.prog.types.display(elem);
        let short = tname.rsplit('.').next().unwrap_or(&tname).to_string();
        let msg = format!("value method {tname}.{mname} called using nil *{short} pointer");
        c.goto_end(nil);
        let msg = c.sconst(msg);
        c.rtcall(RtFunc::PanicWrap, &[msg]);
        let p = c.panicking();
        c.brif(p, on_panic, ok);
        c.goto_end(on_panic);
        let zeros: Vec<Value> = msig.results.iter().map(|&t| c.zero(t)).collect();
        c.ret(&zeros);
        c.goto_end(ok);
        let rv = c.load(rty, ps[2]);
        let mut args = vec![ps[0], ps[1], rv];
        args.extend_from_slice(&ps[3..]);
        let call = c.call(method, &args, &msig.results);
        let rs = c.func.dfg.inst_results(call).to_vec();
        c.ret(&rs);
        let id = self.m.module.funcs.push(f);
        self.ins1(
            InstData::new(Opcode::FuncRef).imm(Imm::Func(id)),
            Type::Func,
        )
    }
    /// Adds a synthesized wrapper `f` to the module and makes a closure of it over
    /// `cell`, the heap cell holding what the wrapper reads through its `env`.
    fn closure_over(&mut self, f: ir::Function, cell: Value) -> Value {
        let id = self.m.module.funcs.push(f);
        self.ins1(
            InstData::new(Opcode::Closure)
                .args(&[cell])
                .imm(Imm::Func(id)),
            Type::Func,
        )
    }
}
