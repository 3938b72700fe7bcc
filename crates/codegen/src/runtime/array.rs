//! Arrays `[N]T` as the runtime reads them: `fmt` prints them as it prints slices
//! (`[1 2 3]`, and a `[N]byte` as bytes under `%s %q %x %X`), element after element
//! `size` bytes apart. (Equality is `iface::mem_eq`'s.)

use super::desc::{Kind, TypeDesc};
use super::fmt::Val;
use super::print::mem_val;
use super::str_bytes;

/// The value of the array of type `td` (`n` elements of type `elem`) at `addr`.
///
/// # Safety
/// `addr` must point to `n` readable elements of `elem`'s layout.
pub(super) unsafe fn array_val(
    td: &TypeDesc,
    elem: &TypeDesc,
    addr: u64,
    n: u64,
    depth: u32,
) -> Val {
    let items = || -> Vec<Val> {
        (0..n)
            .map(|i| mem_val(elem, addr + i * u64::from(elem.size), depth + 1))
            .collect()
    };
    let is_bytes = matches!(
        elem.kind,
        Kind::Int {
            bits: 8,
            signed: false
        }
    );
    if is_bytes {
        let has_methods = elem.is_error || elem.string_fn != 0;
        return Val::Bytes {
            v: Some(if n == 0 {
                Vec::new()
            } else {
                str_bytes(addr, n).to_vec()
            }),
            ty: td.name.clone(),
            elems: has_methods.then(items),
        };
    }
    Val::Slice {
        items: Some(items()),
        ty: td.name.clone(),
    }
}
