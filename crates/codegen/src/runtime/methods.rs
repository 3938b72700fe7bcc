//! Method sets at run time: type assertions and type switches to declared interfaces
//! (`v.(Closer)`), and their failure messages.
//!
//! Each descriptor lists its type's method set as `Name func(params) results`, sorted
//! (`TypeDesc::methods`); a declared interface's descriptor lists the methods it
//! requires. A dynamic type implements the interface when its list includes every one
//! (the name and the signature: Go's method sets match both). The runtime's own error
//! values list `Error` (and `RuntimeError` for the `runtime` ones, so they satisfy
//! `runtime.Error`).

use super::desc::{desc, runtime_descs, Kind, TypeDesc, ERROR_METHOD};
use super::{guard, panic};

/// The methods an interface descriptor requires.
fn required(target: &TypeDesc) -> Vec<&str> {
    match target.kind {
        Kind::Error => vec![ERROR_METHOD],
        Kind::Interface => target.methods.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The first method (by name) of the interface `target` that `dynamic` lacks.
pub fn missing_method<'a>(dynamic: &TypeDesc, target: &'a TypeDesc) -> Option<&'a str> {
    required(target)
        .into_iter()
        .find(|m| {
            !(dynamic.methods.iter().any(|h| h == m) || (dynamic.is_error && *m == ERROR_METHOD))
        })
        .map(|m| m.split(' ').next().unwrap_or(m))
}

/// `type_is x, I` for a declared interface `I`: whether the dynamic type `t` (0 for
/// nil) implements it.
pub extern "C" fn rt_implements_iface(t: u64, target: u64) -> u8 {
    if t == 0 {
        return 0;
    }
    // SAFETY: a non-nil interface's first word is a live descriptor; `target` is a
    // module descriptor.
    let (d, target) = unsafe { (desc(t), desc(target)) };
    u8::from(missing_method(d, target).is_none())
}

/// A failed type assertion of `(t, d)`, whose static type is the declared interface
/// `from`, to the descriptor `target`.
pub extern "C" fn rt_panic_assert_iface(t: u64, _d: u64, target: u64, from: u64) {
    guard(|| {
        // SAFETY: `target` and `from` are module descriptors; `t` is one when non-zero.
        let (target, from) = unsafe { (desc(target), desc(from)) };
        let msg = assert_message(t, target, &from.name);
        panic::raise_error(&runtime_descs().type_assertion, msg.as_bytes());
    })
}

/// Go's `*runtime.TypeAssertionError` text for asserting a value of dynamic type `t`
/// (0 for nil) and static type `static_name` to `target`.
pub fn assert_message(t: u64, target: &TypeDesc, static_name: &str) -> String {
    let to_iface = matches!(
        target.kind,
        Kind::Error | Kind::EmptyInterface | Kind::Interface
    );
    if t == 0 {
        let from = if to_iface { "interface" } else { static_name };
        return format!("interface conversion: {from} is nil, not {}", target.name);
    }
    // SAFETY: a non-nil interface's first word is a live descriptor.
    let dynamic = unsafe { desc(t) };
    if to_iface {
        let m = missing_method(dynamic, target).unwrap_or("Error");
        format!(
            "interface conversion: {} is not {}: missing method {m}",
            dynamic.name, target.name
        )
    } else {
        format!(
            "interface conversion: {static_name} is {}, not {}",
            dynamic.name, target.name
        )
    }
}
