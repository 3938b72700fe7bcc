//! Type checks: the arguments of each opcode (count, types, immediate kind), calls
//! against the callee's signature, `rtcall` against `RtFunc::params`, `ret` against the
//! function's results, field indices against struct layouts, and every instruction's
//! result types against `typing::result_types`.

use super::cfg::join;
use super::Errors;
use crate::entities::{Inst, Value};
use crate::function::Function;
use crate::inst::{Imm, InstData, IntCC, Opcode};
use crate::module::Module;
use crate::types::Type;
use crate::typing::result_types;
use crate::write::Point;

pub(super) fn check(m: &Module, f: &Function, errs: &mut Errors) {
    for &b in &f.layout.blocks {
        for &inst in &f.layout.insts[b] {
            let before = errs.len();
            let mut c = Checker {
                m,
                f,
                inst,
                d: &f.dfg.insts[inst],
                errs,
            };
            c.operands();
            let d = &f.dfg.insts[inst];
            if d.opcode == Opcode::CallIndirect {
                continue;
            }
            let actual: Vec<Type> = f
                .dfg
                .inst_results(inst)
                .iter()
                .map(|&v| f.dfg.value_type(v))
                .collect();
            let arg_ty = |v: Value| Some(f.dfg.value_type(v));
            match result_types(m, d, &arg_ty) {
                Some(want) if want != actual => errs.at(
                    Point::Inst(inst),
                    format!(
                        "results have types ({}), {} produces ({})",
                        join(&actual),
                        d.opcode,
                        join(&want)
                    ),
                ),
                None if errs.len() == before => errs.at(
                    Point::Inst(inst),
                    format!("cannot infer the result types of this {}", d.opcode),
                ),
                _ => {}
            }
        }
    }
}

struct Checker<'a> {
    m: &'a Module,
    f: &'a Function,
    inst: Inst,
    d: &'a InstData,
    errs: &'a mut Errors,
}

#[derive(Clone, Copy)]
enum Want {
    Is(Type),
    Int,
    IntOrBool,
    PtrLike,
    Any,
}

impl Want {
    fn accepts(self, t: Type) -> bool {
        match self {
            Want::Is(w) => w == t,
            Want::Int => t.is_int(),
            Want::IntOrBool => t.is_int() || t == Type::Bool,
            Want::PtrLike => matches!(t, Type::Ptr | Type::Func),
            Want::Any => true,
        }
    }
    fn describe(self) -> String {
        match self {
            Want::Is(t) => t.to_string(),
            Want::Int => "an integer".into(),
            Want::IntOrBool => "an integer or bool".into(),
            Want::PtrLike => "ptr or func".into(),
            Want::Any => "any type".into(),
        }
    }
}

impl Checker<'_> {
    fn err(&mut self, msg: String) {
        self.errs.at(Point::Inst(self.inst), msg);
    }

    fn ty_of(&self, i: usize) -> Type {
        self.f.dfg.value_type(self.d.args[i])
    }

    /// Checks the argument count and each argument's type; false if the count is wrong.
    fn args(&mut self, wants: &[Want]) -> bool {
        if self.d.args.len() != wants.len() {
            self.err(format!(
                "{} takes {} arguments, found {}",
                self.d.opcode,
                wants.len(),
                self.d.args.len()
            ));
            return false;
        }
        for (i, w) in wants.iter().enumerate() {
            let t = self.ty_of(i);
            if !w.accepts(t) {
                let v = self.d.args[i];
                self.err(format!(
                    "argument {i} of {}: {v} has type {t}, expected {}",
                    self.d.opcode,
                    w.describe()
                ));
            }
        }
        true
    }

    /// Checks arguments against a list of exact types (a signature).
    fn sig_args(&mut self, what: &str, args: &[Value], params: &[Type]) {
        let tys: Vec<Type> = args.iter().map(|&v| self.f.dfg.value_type(v)).collect();
        if tys != params {
            self.err(format!(
                "{what} takes ({}), found ({})",
                join(params),
                join(&tys)
            ));
        }
    }

    fn ty(&mut self) -> Option<Type> {
        if self.d.ty.is_none() {
            self.err(format!("{} needs a type", self.d.opcode));
        }
        self.d.ty
    }

    fn struct_field(&mut self, t: Type, index: u32) -> Option<Type> {
        let Type::Struct(s) = t else {
            self.err(format!("{t} is not a struct"));
            return None;
        };
        let Some(sd) = self.m.structs.get(s) else {
            self.err(format!("{s} does not exist"));
            return None;
        };
        match sd.fields.get(index as usize) {
            Some(&ft) => Some(ft),
            None => {
                self.err(format!(
                    "field index {index} out of range: {s} has {} fields",
                    sd.fields.len()
                ));
                None
            }
        }
    }

    fn bad_imm(&mut self) {
        let msg = format!(
            "{} cannot take the immediate {:?}",
            self.d.opcode, self.d.imm
        );
        self.err(msg);
    }

    fn operands(&mut self) {
        use Opcode::*;
        use Want::*;
        let d = self.d;
        let m = self.m;
        match d.opcode {
            Iconst => {
                self.args(&[]);
                if !matches!(d.imm, Imm::Int(_)) {
                    self.bad_imm();
                }
                if let Some(t) = self.ty() {
                    if !(t.is_int() || t == Type::Bool) {
                        self.err(format!("iconst of non-integer type {t}"));
                    }
                }
            }
            Fconst => {
                self.args(&[]);
                if !matches!(d.imm, Imm::Int(_)) {
                    self.bad_imm();
                }
                if let Some(t) = self.ty() {
                    if !t.is_float() {
                        self.err(format!("fconst of non-float type {t}"));
                    }
                }
            }
            Fadd | Fsub | Fmul | Fdiv | Fneg => {
                let t = d.ty.or_else(|| d.args.first().map(|_| self.ty_of(0)));
                let t = t.unwrap_or(Type::F64);
                if !t.is_float() {
                    self.err(format!("{} on non-float type {t}", d.opcode));
                }
                if d.opcode == Fneg {
                    self.args(&[Is(t)]);
                } else {
                    self.args(&[Is(t), Is(t)]);
                }
            }
            Fcmp => {
                let Some(t) = self.ty() else { return };
                let Imm::Cond(cc) = d.imm else {
                    return self.bad_imm();
                };
                if !t.is_float() || matches!(cc, IntCC::Ult | IntCC::Ule | IntCC::Ugt | IntCC::Uge)
                {
                    self.err(format!("fcmp {} on type {t}", cc.name()));
                }
                self.args(&[Is(t), Is(t)]);
            }
            FcvtFromSint | FcvtFromUint => {
                let Some(t) = self.ty() else { return };
                if !t.is_float() {
                    self.err(format!("{} to non-float type {t}", d.opcode));
                }
                self.args(&[Is(Type::I64)]);
            }
            FcvtToSint | FcvtToUint => {
                let Some(t) = self.ty() else { return };
                if !t.is_int() {
                    self.err(format!("{} to non-integer type {t}", d.opcode));
                }
                self.args(&[Is(Type::F64)]);
            }
            Fpromote => {
                self.args(&[Is(Type::F32)]);
            }
            Fdemote => {
                self.args(&[Is(Type::F64)]);
            }
            Sconst => {
                self.args(&[]);
                if !matches!(d.imm, Imm::Str(_)) {
                    self.bad_imm();
                }
            }
            Zero | Alloc | StackAlloc => {
                self.args(&[]);
                self.ty();
            }
            FuncRef => {
                self.args(&[]);
                self.func_imm();
            }
            GlobalAddr => {
                self.args(&[]);
                match d.imm {
                    Imm::Global(g) if m.globals.get(g).is_some() => {}
                    _ => self.bad_imm(),
                }
            }
            TypeDesc => {
                self.args(&[]);
                self.gotype_imm();
            }
            Iadd | Isub | Imul | Sdiv | Udiv | Srem | Urem | Band | Bor | Bxor | BandNot => {
                let t = d.ty.or_else(|| d.args.first().map(|_| self.ty_of(0)));
                let t = t.unwrap_or(Type::I64);
                let bitwise = matches!(d.opcode, Band | Bor | Bxor | BandNot);
                if !(t.is_int() || (bitwise && t == Type::Bool)) {
                    self.err(format!("{} on non-integer type {t}", d.opcode));
                }
                self.args(&[Is(t), Is(t)]);
            }
            Ishl | Ushr | Sshr => {
                let t = d.ty.or_else(|| d.args.first().map(|_| self.ty_of(0)));
                let t = t.unwrap_or(Type::I64);
                if !t.is_int() {
                    self.err(format!("{} on non-integer type {t}", d.opcode));
                }
                self.args(&[Is(t), Int]);
            }
            Ineg | Bnot => {
                let t = d.ty.or_else(|| d.args.first().map(|_| self.ty_of(0)));
                let t = t.unwrap_or(Type::I64);
                if !t.is_int() {
                    self.err(format!("{} on non-integer type {t}", d.opcode));
                }
                self.args(&[Is(t)]);
            }
            Not => {
                self.args(&[Is(Type::Bool)]);
            }
            Icmp => {
                let Some(t) = self.ty() else { return };
                let Imm::Cond(cc) = d.imm else {
                    return self.bad_imm();
                };
                let ordered = !matches!(cc, IntCC::Eq | IntCC::Ne);
                if ordered && !t.is_int() {
                    self.err(format!("icmp {} on non-integer type {t}", cc.name()));
                } else if !(t.is_int() || matches!(t, Type::Bool | Type::Ptr | Type::Func)) {
                    self.err(format!("icmp on type {t}"));
                }
                self.args(&[Is(t), Is(t)]);
            }
            Select => {
                if self.args(&[Is(Type::Bool), Any, Any]) && self.ty_of(1) != self.ty_of(2) {
                    self.err(format!(
                        "select between {} and {}",
                        self.ty_of(1),
                        self.ty_of(2)
                    ));
                }
            }
            Sext | Uext | Trunc => {
                let Some(t) = self.ty() else { return };
                if !self.args(&[IntOrBool]) {
                    return;
                }
                let from = self.ty_of(0);
                let ok = t.is_int()
                    && if d.opcode == Trunc {
                        from.bits() >= t.bits()
                    } else {
                        from.bits() <= t.bits()
                    };
                if !ok {
                    self.err(format!("{} from {from} to {t}", d.opcode));
                }
            }
            Load | Unbox => {
                self.ty();
                let w = if d.opcode == Load {
                    Type::Ptr
                } else {
                    Type::Iface
                };
                self.args(&[Is(w)]);
            }
            Store => {
                self.args(&[Is(Type::Ptr), Any]);
            }
            FieldAddr => {
                self.args(&[Is(Type::Ptr)]);
                match d.imm {
                    Imm::Field(s, i) => {
                        self.struct_field(Type::Struct(s), i);
                    }
                    _ => self.bad_imm(),
                }
            }
            IndexAddr => {
                self.ty();
                self.args(&[Is(Type::Ptr), Int]);
            }
            AllocArray => {
                self.ty();
                self.args(&[Int]);
            }
            StackAllocArray => {
                self.ty();
                if self.args(&[Int]) && self.f.dfg.int_const(self.d.args[0]).is_none_or(|n| n < 0) {
                    self.err("stack_alloc_array needs a non-negative iconst count".to_string());
                }
            }
            StructNew => {
                let Some(t) = self.ty() else { return };
                let Type::Struct(s) = t else {
                    return self.err(format!("struct_new of non-struct type {t}"));
                };
                match m.structs.get(s) {
                    Some(sd) => self.sig_args("struct_new", &d.args, &sd.fields.clone()),
                    None => self.err(format!("{s} does not exist")),
                }
            }
            StructGet => {
                if !self.args(&[Any]) {
                    return;
                }
                match d.imm {
                    Imm::Index(i) => {
                        self.struct_field(self.ty_of(0), i);
                    }
                    _ => self.bad_imm(),
                }
            }
            StructSet => {
                if !self.args(&[Any, Any]) {
                    return;
                }
                let Imm::Index(i) = d.imm else {
                    return self.bad_imm();
                };
                if let Some(ft) = self.struct_field(self.ty_of(0), i) {
                    if self.ty_of(1) != ft {
                        self.err(format!(
                            "struct_set of field {i} ({ft}) with {}",
                            self.ty_of(1)
                        ));
                    }
                }
            }
            StrNew => {
                self.args(&[Is(Type::Ptr), Is(Type::I64)]);
            }
            StrPtr | StrLen => {
                self.args(&[Is(Type::Str)]);
            }
            SliceNew => {
                self.args(&[Is(Type::Ptr), Is(Type::I64), Is(Type::I64)]);
            }
            SlicePtr | SliceLen | SliceCap => {
                self.args(&[Is(Type::Slice)]);
            }
            Box | StackBox => {
                self.args(&[Any]);
                self.gotype_imm();
            }
            BoxStatic => {
                self.args(&[Is(Type::Str)]);
                self.gotype_imm();
            }
            IfaceType => {
                self.args(&[Is(Type::Iface)]);
            }
            TypeIs => {
                self.args(&[Is(Type::Iface)]);
                self.gotype_imm();
            }
            Closure | StackClosure => {
                self.func_imm();
            }
            EnvGet => {
                self.ty();
                self.args(&[PtrLike]);
                if !matches!(d.imm, Imm::Index(_)) {
                    self.bad_imm();
                }
            }
            Call => {
                if let Some(callee) = self.func_imm() {
                    let mut params = m.funcs[callee].sig.params.clone();
                    // A closure object is its own `env`: a call of a known function
                    // literal passes the object where the callee takes `env: ptr`.
                    if params.first() == Some(&Type::Ptr)
                        && d.args.first().map(|&v| self.f.dfg.value_type(v)) == Some(Type::Func)
                    {
                        params[0] = Type::Func;
                    }
                    let what = format!("call to {}", m.funcs[callee].name);
                    self.sig_args(&what, &d.args, &params);
                }
            }
            CallIndirect => {
                if d.args.len() < 2 {
                    return self.err("call_indirect takes a function value and a token".into());
                }
                let (t0, t1) = (self.ty_of(0), self.ty_of(1));
                if t0 != Type::Func {
                    self.err(format!("call_indirect of a {t0}, expected func"));
                }
                if t1 != Type::I64 {
                    self.err(format!("call_indirect token of type {t1}, expected i64"));
                }
            }
            RtCall => match d.imm {
                Imm::Rt(rt) => {
                    self.sig_args(&format!("rtcall {}", rt.name()), &d.args, rt.params())
                }
                _ => self.bad_imm(),
            },
            Panicking | RunDefers | DeferEnter | Unreachable | Jump => {
                self.args(&[]);
            }
            Raise => {
                self.args(&[Is(Type::Iface)]);
            }
            Recover | DeferExit => {
                self.args(&[Is(Type::I64)]);
            }
            CheckNil => {
                self.args(&[PtrLike]);
            }
            CheckIndex => {
                self.args(&[Int, Int]);
            }
            CheckSlice => {
                self.args(&[Int, Int, Int]);
                if !matches!(d.imm, Imm::Bound(_)) {
                    self.bad_imm();
                }
            }
            CheckSlice3 => {
                self.args(&[Int, Int, Int, Int]);
            }
            CheckDiv | CheckShift => {
                self.args(&[Int]);
            }
            Defer => {} // see `defers`
            Brif => {
                self.args(&[Is(Type::Bool)]);
            }
            Ret => {
                let results = self.f.sig.results.clone();
                self.sig_args("ret", &d.args, &results);
            }
        }
    }

    fn func_imm(&mut self) -> Option<crate::entities::FuncId> {
        match self.d.imm {
            Imm::Func(f) if self.m.funcs.get(f).is_some() => Some(f),
            Imm::Func(f) => {
                self.err(format!("{f} does not exist"));
                None
            }
            _ => {
                self.bad_imm();
                None
            }
        }
    }

    fn gotype_imm(&mut self) {
        match self.d.imm {
            Imm::GoType(t) if self.m.go_types.get(t).is_some() => {}
            Imm::GoType(t) => self.err(format!("{t} does not exist")),
            _ => self.bad_imm(),
        }
    }
}
