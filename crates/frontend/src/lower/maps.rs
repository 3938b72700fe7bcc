//! Maps: every operation is a runtime call (`map_*`) on the map's header pointer, with
//! the map type's descriptor (`typedesc`) and the key passed by address, in a frame
//! cell of the key type (the runtime hashes and compares it through the descriptor).
//!
//! A map index is assignable but not addressable: an assignment to `m[k]` evaluates
//! `m` and `k` with the other operands (phase one) and inserts at the store (phase
//! two), so a nil-map write panics after the right-hand side is evaluated, as in Go,
//! and `m[k] op= v` reads, computes and then inserts, so a panicking `op` inserts
//! nothing.

use super::func::FuncCx;
use crate::hir::{Expr, ExprKind, RangeTarget, Stmt};
use crate::types::{TypeId, TypeKind};
use ir::{Imm, InstData, IntCC, Opcode, RtFunc, Type, Value};

/// An assignment target, evaluated up to the store.
pub(super) enum PlaceRef {
    Addr(Value),
    /// `m[k]`: the map, its descriptor and the key's cell.
    Map {
        m: Value,
        desc: Value,
        key: Value,
        vty: Type,
    },
}

impl FuncCx<'_, '_> {
    fn map_kv(&self, t: TypeId) -> (TypeId, TypeId) {
        match self.m.prog.types.under_kind(t) {
            TypeKind::Map(k, v) => (*k, *v),
            _ => (t, t),
        }
    }

    /// The runtime descriptor of a map type.
    fn map_desc(&mut self, t: TypeId) -> Value {
        let gt = self.m.go_type(t);
        self.ins1(
            InstData::new(Opcode::TypeDesc).imm(Imm::GoType(gt)),
            Type::Ptr,
        )
    }

    /// A frame cell holding the key `k` (of Go type `kt`).
    fn key_cell(&mut self, kt: TypeId, k: Value) -> Value {
        let ty = self.m.ir_type(kt);
        let cell = self.entry_stack_alloc(ty);
        self.store(cell, k);
        cell
    }

    /// `m[k]` and `v, ok := m[k]`.
    pub(super) fn map_index(&mut self, map: &Expr, key: &Expr, comma_ok: bool) -> Vec<Value> {
        let (kt, vt) = self.map_kv(map.ty);
        let m = self.expr(map);
        let k = self.expr(key);
        let cell = self.key_cell(kt, k);
        let desc = self.map_desc(map.ty);
        let vty = self.m.ir_type(vt);
        if comma_ok {
            let r = self.rt(RtFunc::MapAccess2, &[m, desc, cell]);
            let v = self.load(vty, r[0]);
            vec![v, r[1]]
        } else {
            let p = self.rt(RtFunc::MapAccess, &[m, desc, cell])[0];
            vec![self.load(vty, p)]
        }
    }

    /// `make(map[K]V)`, `make(map[K]V, hint)`.
    pub(super) fn map_make(&mut self, t: TypeId, args: &[Expr]) -> Value {
        let hint = match args.first() {
            Some(h) => self.index_value(h),
            None => self.iconst(Type::I64, 0),
        };
        let desc = self.map_desc(t);
        self.rt(RtFunc::MapMake, &[desc, hint])[0]
    }

    /// `map[K]V{k: v, ...}`: a map sized for the pairs, then each pair inserted in
    /// source order (a later equal key overwrites, as in Go).
    pub(super) fn map_lit(&mut self, t: TypeId, kvs: &[(Expr, Expr)]) -> Value {
        let (kt, _) = self.map_kv(t);
        let desc = self.map_desc(t);
        let hint = self.iconst(Type::I64, kvs.len() as i64);
        let m = self.rt(RtFunc::MapMake, &[desc, hint])[0];
        for (k, v) in kvs {
            let kv = self.expr(k);
            let cell = self.key_cell(kt, kv);
            let vv = self.expr(v);
            let p = self.rt(RtFunc::MapAssign, &[m, desc, cell])[0];
            self.store(p, vv);
        }
        m
    }

    /// `len(m)`, `delete(m, k)`, `clear(m)`.
    pub(super) fn map_len(&mut self, m: &Expr) -> Value {
        let m = self.expr(m);
        self.rt(RtFunc::MapLen, &[m])[0]
    }
    pub(super) fn map_delete(&mut self, map: &Expr, key: &Expr) {
        let (kt, _) = self.map_kv(map.ty);
        let m = self.expr(map);
        let k = self.expr(key);
        let cell = self.key_cell(kt, k);
        let desc = self.map_desc(map.ty);
        self.rt(RtFunc::MapDelete, &[m, desc, cell]);
    }
    pub(super) fn map_clear(&mut self, map: &Expr) {
        let m = self.expr(map);
        self.rt(RtFunc::MapClear, &[m]);
    }

    /// Phase one of an assignment to `p`: its address, or for `m[k]` the map and key.
    pub(super) fn prepare_place(&mut self, p: &Expr) -> PlaceRef {
        let ExprKind::MapIndex { map, key, .. } = &p.kind else {
            return PlaceRef::Addr(self.place_addr(p));
        };
        let (kt, vt) = self.map_kv(map.ty);
        let m = self.expr(map);
        let k = self.expr(key);
        let key = self.key_cell(kt, k);
        let desc = self.map_desc(map.ty);
        let vty = self.m.ir_type(vt);
        PlaceRef::Map { m, desc, key, vty }
    }

    /// Phase two: stores `v` (a map insertion, which may panic on a nil map).
    pub(super) fn store_place(&mut self, p: &PlaceRef, v: Value) {
        match *p {
            PlaceRef::Addr(a) => self.store(a, v),
            PlaceRef::Map { m, desc, key, .. } => {
                let slot = self.rt(RtFunc::MapAssign, &[m, desc, key])[0];
                self.store(slot, v);
            }
        }
    }

    /// The current value of a prepared place (`op=`): a map read gives the zero value
    /// for an absent key and inserts nothing.
    pub(super) fn load_place(&mut self, p: &PlaceRef, ty: Type) -> Value {
        match *p {
            PlaceRef::Addr(a) => self.load(ty, a),
            PlaceRef::Map { m, desc, key, vty } => {
                let slot = self.rt(RtFunc::MapAccess, &[m, desc, key])[0];
                self.load(vty, slot)
            }
        }
    }

    /// `for k, v := range m`: the runtime's iterator, one entry per iteration until it
    /// gives a null key address.
    pub(super) fn map_range(
        &mut self,
        label: crate::hir::LabelId,
        range: &Expr,
        key: &Option<RangeTarget>,
        value: &Option<RangeTarget>,
        body: &[Stmt],
    ) {
        let (kt, vt) = self.map_kv(range.ty);
        let m = self.expr(range);
        let it = self.rt(RtFunc::MapIterInit, &[m])[0];
        let head = self.f.append_block();
        let body_b = self.f.append_block();
        let exit = self.f.append_block();
        self.jump(head, &[]);
        self.cur = Some(head);
        let r = self.rt(RtFunc::MapIterNext, &[it]);
        let (kp, vp) = (r[0], r[1]);
        let null = self.zero(Type::Ptr);
        let more = self.ins1(
            InstData::new(Opcode::Icmp)
                .ty(Type::Ptr)
                .args(&[kp, null])
                .imm(Imm::Cond(IntCC::Ne)),
            Type::Bool,
        );
        self.brif(more, body_b, exit);
        self.cur = Some(body_b);
        self.labels.insert(label, (exit, Some(head)));
        // Both are read before anything is assigned: a fresh cell allocates, and the
        // entry's addresses are only good until then.
        let kv = key.as_ref().map(|_| {
            let kty = self.m.ir_type(kt);
            self.load(kty, kp)
        });
        let vv = value.as_ref().map(|_| {
            let vty = self.m.ir_type(vt);
            self.load(vty, vp)
        });
        self.range_assign_pair(key.as_ref().zip(kv), value.as_ref().zip(vv));
        self.block(body);
        self.jump(head, &[]);
        self.cur = Some(exit);
    }
}
