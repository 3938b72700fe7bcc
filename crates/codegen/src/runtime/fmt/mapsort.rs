//! Maps: Go's `printValue` for `reflect.Map`, with the entries in
//! `internal/fmtsort`'s order (`compare`): numbers numerically, strings by bytes,
//! `false` before `true`, pointers and funcs by address, structs field by field, and
//! interface values nil first, then by dynamic type, then by value.
//!
//! Go orders two interface values of different dynamic types by the addresses of
//! their type descriptors, which differ from binary to binary; here they go by the
//! types' names, so such a map prints in a stable order that Go's need not share.

use super::{base, type_of, Printer, Val};
use std::cmp::Ordering;

/// `fmtsort.compare` on two keys of one map.
pub(super) fn compare(a: &Val, b: &Val) -> Ordering {
    let (a, b) = (base(a), base(b));
    match (a, b) {
        (Val::NilInterface, Val::NilInterface) => Ordering::Equal,
        (Val::NilInterface, _) => Ordering::Less,
        (_, Val::NilInterface) => Ordering::Greater,
        _ if type_of(a) != type_of(b) => type_of(a).cmp(type_of(b)),
        (Val::Int { v: x, .. }, Val::Int { v: y, .. }) => x.cmp(y),
        (Val::Uint { v: x, .. }, Val::Uint { v: y, .. }) => x.cmp(y),
        (Val::Bool { v: x, .. }, Val::Bool { v: y, .. }) => x.cmp(y),
        (Val::Str { v: x, .. }, Val::Str { v: y, .. }) => x.cmp(y),
        (Val::Ptr { addr: x, .. }, Val::Ptr { addr: y, .. })
        | (Val::Func { addr: x, .. }, Val::Func { addr: y, .. }) => x.cmp(y),
        (Val::Struct { fields: x, .. }, Val::Struct { fields: y, .. }) => x
            .iter()
            .zip(y)
            .map(|((_, p), (_, q))| compare(p, q))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal),
        _ => Ordering::Equal,
    }
}

impl Printer {
    /// Go's `printValue` for a map: `map[k:v k:v]`, or under `%#v`
    /// `map[string]int{"a":1, "b":2}` (`map[string]int(nil)` for a nil map).
    pub(super) fn print_map(
        &mut self,
        entries: Option<&[(Val, Val)]>,
        ty: &str,
        verb: char,
        depth: usize,
        ro: bool,
    ) {
        if self.f.sharp_v {
            self.buf.extend_from_slice(ty.as_bytes());
            if entries.is_none() {
                self.buf.extend_from_slice(b"(nil)");
                return;
            }
            self.buf.push(b'{');
        } else {
            self.buf.extend_from_slice(b"map[");
        }
        let mut sorted: Vec<&(Val, Val)> = entries.unwrap_or_default().iter().collect();
        sorted.sort_by(|x, y| compare(&x.0, &y.0));
        for (i, (k, v)) in sorted.into_iter().enumerate() {
            if i > 0 {
                if self.f.sharp_v {
                    self.buf.extend_from_slice(b", ");
                } else {
                    self.buf.push(b' ');
                }
            }
            self.print_value(k, verb, depth + 1, ro);
            self.buf.push(b':');
            self.print_value(v, verb, depth + 1, ro);
        }
        self.buf.push(if self.f.sharp_v { b'}' } else { b']' });
    }
}
