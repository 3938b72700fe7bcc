//! Calls through declared interfaces: the bodies of the dispatch functions the checker
//! declares (`hir::Dispatch`), method sets in descriptors, and the nil checks of
//! interface method values.
//!
//! A dispatch function `Closer.Close(i Closer, args...)` tests the dynamic type of `i`
//! against every type of the program that implements the interface (`type_is`, in
//! declaration order, `T` before `*T`) and calls that type's method directly with the
//! unboxed receiver, passing its own `tok` on (so a dispatch is invisible to
//! `recover`, as gc's itab call is). The program is one file, so the set of types that
//! can be a dynamic type with the method is known here: a compare chain needs no
//! itabs in the runtime, stays ordinary IR for every pass (escape analysis sees the
//! real callees), and a call whose dynamic type is known becomes a direct call by
//! replacing the callee (`passes::devirt`). What no program type matches is a nil
//! interface (a nil dereference, as Go's) or one of the runtime's own error values
//! (`Error` through `error_text`; their `RuntimeError` does nothing).

use super::func::FuncCx;
use super::ModuleCx;
use crate::hir::{self, FuncId as HirFunc};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};
use ir::{InstData, Opcode, RtFunc, Type, Value};

impl ModuleCx<'_> {
    /// The body of a dispatch function (its signature is already declared as `id`).
    pub(super) fn dispatch_body(&mut self, d: &hir::Dispatch, id: ir::FuncId) -> ir::Function {
        let sig = self.module.funcs[id].sig.clone();
        let mut f = ir::Function::new(self.module.funcs[id].name.clone(), sig.clone());
        // No source position: the function is the compiler's, like gc's wrappers, and
        // the driver prints no remark about it.
        f.loc = ir::SrcLoc::default();
        // Never inlined: a call through an interface stays one call, as gc's does,
        // unless `devirt` makes it direct.
        f.noinline = true;
        let entry = f.append_block();
        let params: Vec<Value> = sig
            .params
            .iter()
            .map(|&t| f.dfg.append_block_param(entry, t))
            .collect();
        let (tok, x, args) = (params[1], params[2], params[3..].to_vec());
        let results = sig.results.clone();
        let panic_block = f.append_block();
        let mut cur = entry;
        for (ty, method, ptr_recv) in self.implementers(d) {
            let gt = self.go_type(ty);
            let dyn_ty = self.ir_type(ty);
            let elem = match self.prog.types.kind(ty) {
                TypeKind::Pointer(e) if !ptr_recv => Some(self.ir_type(*e)),
                _ => None,
            };
            let callee = self.func_ids[&method];
            let (yes, no) = (f.append_block(), f.append_block());
            let mut c = ir::FuncCursor::new(&mut f).at_end(cur);
            let is = c.ins1(
                InstData::new(Opcode::TypeIs)
                    .args(&[x])
                    .imm(ir::Imm::GoType(gt)),
                Type::Bool,
            );
            c.brif(is, yes, no);
            c.goto_end(yes);
            let mut recv = c.ins1(InstData::new(Opcode::Unbox).ty(dyn_ty).args(&[x]), dyn_ty);
            // A value method reached through a pointer: Go's wrapper loads the value
            // (a nil pointer panics with a nil dereference).
            if let Some(et) = elem {
                c.insert_inst(InstData::new(Opcode::CheckNil).args(&[recv]), &[]);
                let p = c.panicking();
                let ok = c.func.append_block();
                c.brif(p, panic_block, ok);
                c.goto_end(ok);
                recv = c.load(et, recv);
            }
            let env = c.zero(Type::Ptr);
            let mut all = vec![env, tok, recv];
            all.extend(&args);
            let call = c.call(callee, &all, &results);
            let rs = c.func.dfg.inst_results(call).to_vec();
            let p = c.panicking();
            let ok = c.func.append_block();
            c.brif(p, panic_block, ok);
            c.goto_end(ok);
            c.ret(&rs);
            cur = no;
        }
        let string = TypeTable::basic(Basic::String);
        let mut c = ir::FuncCursor::new(&mut f).at_end(cur);
        if d.method == "Error" && sig.params.len() == 3 && results == [Type::Str] {
            // A runtime error value, or nil (`error_text` panics for nil).
            let _ = string;
            let r = c.rtcall(RtFunc::ErrorText, &[x]);
            let r = c.func.dfg.first_result(r);
            let p = c.panicking();
            let ok = c.func.append_block();
            c.brif(p, panic_block, ok);
            c.goto_end(ok);
            c.ret(&[r]);
        } else {
            let t = c.ins1(InstData::new(Opcode::IfaceType).args(&[x]), Type::Ptr);
            c.insert_inst(InstData::new(Opcode::CheckNil).args(&[t]), &[]);
            let p = c.panicking();
            let ok = c.func.append_block();
            c.brif(p, panic_block, ok);
            c.goto_end(ok);
            let zs: Vec<Value> = results.iter().map(|&t| c.zero(t)).collect();
            c.ret(&zs);
        }
        c.goto_end(panic_block);
        let zs: Vec<Value> = results.iter().map(|&t| c.zero(t)).collect();
        c.ret(&zs);
        f
    }

    /// The program's types that implement `d.iface`, with their method `d.method` and
    /// whether it has a pointer receiver: for each named type `T` in declaration order,
    /// `T` and then `*T` (when the program has that type).
    fn implementers(&self, d: &hir::Dispatch) -> Vec<(TypeId, HirFunc, bool)> {
        let types = &self.prog.types;
        let TypeKind::Interface(want) = types.under_kind(d.iface) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for i in 0..types.len() {
            let t = TypeId(i as u32);
            let TypeKind::Named(n) = types.kind(t) else {
                continue;
            };
            if types.is_interface(t) {
                continue;
            }
            let func_ty = |m: &crate::types::Method| self.prog.funcs[m.func.0 as usize].ty;
            let has = |ptr: bool| {
                want.iter().all(|w| {
                    n.methods
                        .iter()
                        .any(|m| m.name == w.name && func_ty(m) == w.ty && (ptr || !m.pointer_recv))
                })
            };
            let Some(m) = n.methods.iter().find(|m| m.name == d.method) else {
                continue;
            };
            if has(false) {
                out.push((t, m.func, m.pointer_recv));
            }
            if has(true) {
                if let Some(p) = types.find(&TypeKind::Pointer(t)) {
                    out.push((p, m.func, m.pointer_recv));
                }
            }
        }
        out
    }

    /// The method set of a type as descriptors list it (`ir::GoTypeDesc::methods`).
    pub(super) fn method_strings(&self, ty: TypeId) -> Vec<String> {
        let types = &self.prog.types;
        let sig = |name: &str, f: TypeId| format!("{name} {}", types.display(f));
        let mut out: Vec<String> = match types.kind(ty) {
            _ if matches!(types.under_kind(ty), TypeKind::Interface(_)) => {
                let TypeKind::Interface(ms) = types.under_kind(ty) else {
                    unreachable!()
                };
                ms.iter().map(|m| sig(&m.name, m.ty)).collect()
            }
            TypeKind::Named(n) if !types.is_interface(ty) => n
                .methods
                .iter()
                .filter(|m| !m.pointer_recv)
                .map(|m| sig(&m.name, self.prog.funcs[m.func.0 as usize].ty))
                .collect(),
            TypeKind::Pointer(e) => match types.kind(*e) {
                TypeKind::Named(n) if !types.is_interface(*e) => n
                    .methods
                    .iter()
                    .map(|m| sig(&m.name, self.prog.funcs[m.func.0 as usize].ty))
                    .collect(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        out.sort();
        out
    }
}

impl FuncCx<'_, '_> {
    /// Names a call (or `defer`) of a dispatch function made since instruction number
    /// `since` after its source, `c.Close`, for `devirt`'s remark (`var_names`).
    pub(super) fn name_iface_call(&mut self, func: HirFunc, recv: &hir::Expr, since: usize) {
        let Some(d) = self.m.prog.dispatch.iter().find(|d| d.func == func) else {
            return;
        };
        let text = self
            .m
            .src
            .get(recv.span.lo as usize..recv.span.hi as usize)
            .unwrap_or("");
        let name = format!("{}.{}", text.trim(), d.method);
        let id = self.m.func_ids[&func];
        let insts: Vec<ir::Inst> = self.f.dfg.insts.keys().skip(since).collect();
        for i in insts {
            let data = &self.f.dfg.insts[i];
            let hit = match (data.opcode, &data.imm) {
                (Opcode::Call, ir::Imm::Func(g)) => *g == id,
                (Opcode::Defer, ir::Imm::Defer(dd)) => {
                    self.f.defers[*dd].callee == ir::DeferCallee::Direct(id)
                }
                _ => false,
            };
            if hit {
                self.f.var_names[i] = name.clone();
            }
        }
    }

    /// Go evaluates `i.M` (a method value, or the function of `defer i.M()`) now: a
    /// nil interface `i` panics here with a nil dereference.
    pub(super) fn nil_iface_check(&mut self, v: Value, ty: TypeId) {
        if matches!(self.m.prog.types.under_kind(ty), TypeKind::Interface(_)) {
            let t = self.ins1(InstData::new(Opcode::IfaceType).args(&[v]), Type::Ptr);
            self.ins_checked(InstData::new(Opcode::CheckNil).args(&[t]), &[]);
        }
    }
}
