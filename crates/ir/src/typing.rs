//! The typing rules of the opcodes: which result types an instruction produces.
//!
//! The printer leaves result types out (`v3 = iadd.i64 v1, v2`, as Cranelift does), so
//! the parser must infer them, and the verifier checks that every instruction's results
//! have exactly the inferred types. One function serves all three, so a verified
//! function always prints without annotations and parses back to the same types. When
//! inference fails or disagrees (a broken function being dumped), the printer writes the
//! types explicitly (`v3: i32 = ...`) so even such a dump round-trips.

use crate::entities::Value;
use crate::inst::{Imm, InstData, Opcode};
use crate::module::Module;
use crate::types::Type;

/// The result types of an instruction, from its opcode, controlling type, immediate,
/// the types of its operands (`arg_ty`, which may not know a value) and the module
/// (callee signatures, struct layouts). `None` when they cannot be inferred: always for
/// `call_indirect` (whose result types are printed), or for a malformed instruction.
pub fn result_types(
    m: &Module,
    d: &InstData,
    arg_ty: &dyn Fn(Value) -> Option<Type>,
) -> Option<Vec<Type>> {
    use Opcode::*;
    let arg = |i: usize| d.args.get(i).and_then(|&v| arg_ty(v));
    let one = |t: Type| Some(vec![t]);
    match d.opcode {
        Iconst | Zero | Load | Unbox | EnvGet | Sext | Uext | Trunc | StructNew => one(d.ty?),
        Fconst | FcvtFromSint | FcvtFromUint | FcvtToSint | FcvtToUint => one(d.ty?),
        Fpromote => one(Type::F64),
        Fdemote => one(Type::F32),
        Fadd | Fsub | Fmul | Fdiv | Fneg => one(d.ty.or_else(|| arg(0))?),
        Fcmp => one(Type::Bool),
        Iadd | Isub | Imul | Sdiv | Udiv | Srem | Urem | Band | Bor | Bxor | BandNot | Ishl
        | Ushr | Sshr | Ineg | Bnot => one(d.ty.or_else(|| arg(0))?),
        Select => one(d.ty.or_else(|| arg(1))?),
        StructSet => one(d.ty.or_else(|| arg(0))?),
        StructGet => match d.ty {
            Some(t) => one(t),
            None => match (arg(0)?, &d.imm) {
                (Type::Struct(s), Imm::Index(i)) => {
                    one(*m.structs.get(s)?.fields.get(*i as usize)?)
                }
                _ => None,
            },
        },
        Not | Icmp | TypeIs | Panicking => one(Type::Bool),
        Sconst | StrNew => one(Type::Str),
        FuncRef | Closure | StackClosure => one(Type::Func),
        GlobalAddr | TypeDesc | FieldAddr | IndexAddr | Alloc | AllocArray | StackAlloc
        | StackAllocArray | StrPtr | SlicePtr | IfaceType => one(Type::Ptr),
        StrLen | SliceLen | SliceCap | DeferEnter => one(Type::I64),
        SliceNew => one(Type::Slice),
        Box | BoxStatic | StackBox | Recover => one(Type::Iface),
        Call => match d.imm {
            Imm::Func(f) => Some(m.funcs.get(f)?.sig.results.clone()),
            _ => None,
        },
        CallIndirect => None,
        RtCall => match d.imm {
            Imm::Rt(rt) => Some(rt.results().to_vec()),
            _ => None,
        },
        Store | Raise | CheckNil | CheckIndex | CheckSlice | CheckSlice3 | CheckDiv
        | CheckShift | Defer | RunDefers | DeferExit | Jump | Brif | Ret | Unreachable => {
            Some(Vec::new())
        }
    }
}
