//! `append`'s growth policy against the capacities Go 1.27 prints when a slice
//! that escapes to the heap grows one element at a time (from
//! `testsuite/programs/core/slices_cap_escape.go` and `slices_cap_growth.go`).

use codegen::runtime::slices::rt_grow_slice;

/// The distinct capacities seen while appending `n` elements of `elem` bytes one at a
/// time, starting from a nil slice.
fn caps(elem: i64, n: i64) -> Vec<u64> {
    let mut s = [0u64; 3];
    let mut out = Vec::new();
    for _ in 0..n {
        let mut next = [0u64; 3];
        rt_grow_slice(
            next.as_mut_ptr() as u64,
            s[0],
            s[1] as i64,
            s[2] as i64,
            1,
            elem,
        );
        s = next;
        if out.last() != Some(&s[2]) {
            out.push(s[2]);
        }
    }
    out
}

#[test]
fn int_slices_grow_like_go() {
    assert_eq!(
        caps(8, 2000),
        [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560]
    );
}

#[test]
fn byte_slices_grow_like_go() {
    assert_eq!(
        caps(1, 2100),
        [8, 16, 32, 64, 128, 256, 512, 896, 1408, 2048, 3072]
    );
}

#[test]
fn struct_slices_grow_like_go() {
    // struct{ X, Y int }: 16 bytes without pointers.
    assert_eq!(caps(16, 300), [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);
}

#[test]
fn pointer_elements_pay_the_malloc_header() {
    // []string: bit 32 of the element size says the elements hold pointers, so
    // allocations over 512 bytes carry Go's 8-byte malloc header.
    let caps = caps(16 | (1 << 32), 100);
    assert_eq!(caps, [1, 2, 4, 8, 16, 32, 71, 143]);
}
