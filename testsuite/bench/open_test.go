// Everyday defer shapes, for open-coded defers (issue 13): conditional defers, several
// defers with many returns, a deferred call with eight arguments, a lock/unlock pair, a
// defer in a small helper called in a loop, a deferred closure capturing a local, the
// recover guard and the error-wrapping defer that never fire. Plain Go: it runs under
// `go test -bench . open_test.go` and `deferlab bench open_test.go`. Each benchmark first
// checks a few results and panics on a wrong one, so a miscompile fails the run.
package open

import (
	"fmt"
	"testing"
)

var sink int

//go:noinline
func work(x int) { sink += x }

// Conditional defers: which ones are pushed depends on the bits of k.
//
//go:noinline
func conditional(k int) {
	if k&1 != 0 {
		defer work(1)
	}
	if k&2 != 0 {
		defer work(2)
	} else {
		defer work(3)
	}
	if k&4 != 0 {
		defer work(4)
	}
	sink += k
}

// Several defers and many returns, each return with its own pending set.
//
//go:noinline
func manyReturns(k int) int {
	defer work(1)
	if k%5 == 0 {
		return 0
	}
	defer work(2)
	if k%5 == 1 {
		return 1
	}
	defer work(3)
	switch k % 5 {
	case 2:
		return 2
	case 3:
		defer work(4)
		return 3
	}
	defer work(5)
	return 4
}

//go:noinline
func eight(a int, b string, c []int, d bool, e int64, f any, g func(int) int, h *int) {
	sink += a + len(b) + len(c) + int(e) + g(*h)
	if d && f != nil {
		sink++
	}
}

func double(x int) int { return 2 * x }

var argSlice = []int{1, 2, 3}

// One deferred call with eight arguments of mixed types.
//
//go:noinline
func args8(k int) {
	s := "str"
	p := &k
	defer eight(k, s, argSlice, k&1 == 0, int64(k), s, double, p)
	k++
}

type mutex struct {
	locked bool
	n      int
}

func (m *mutex) Lock() {
	m.locked = true
	m.n++
}

func (m *mutex) Unlock() { m.locked = false }

var mu mutex

// The lock/unlock pair: `defer mu.Unlock()`.
//
//go:noinline
func locked(k int) int {
	mu.Lock()
	defer mu.Unlock()
	return mu.n + k
}

// A small helper with a defer, called in a loop (no //go:noinline: an inliner may take it).
func get(xs []int, i int) int {
	mu.Lock()
	defer mu.Unlock()
	return xs[i]
}

//go:noinline
func sumLoop(xs []int) int {
	t := 0
	for i := range xs {
		t += get(xs, i)
	}
	return t
}

// A deferred closure capturing a local that changes after the defer.
//
//go:noinline
func closure(k int) (r int) {
	x := k
	defer func() { r = x * 2 }()
	x += 3
	return x
}

// The recover guard that never fires.
//
//go:noinline
func guarded(k int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	sink += k
	return nil
}

// The error-wrapping defer on a named result, on the success path.
//
//go:noinline
func wrapped(k int) (n int, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("wrapped(%d): %w", k, err)
		}
	}()
	return k + 1, nil
}

// expect panics unless got == want: the benchmarks' self-check.
func expect(what string, got, want int) {
	if got != want {
		panic(fmt.Sprintf("%s: got %d, want %d", what, got, want))
	}
}

// delta is how much f adds to sink.
func delta(f func()) int {
	s := sink
	f()
	return sink - s
}

func BenchmarkConditional(b *testing.B) {
	expect("conditional(0)", delta(func() { conditional(0) }), 3)
	expect("conditional(7)", delta(func() { conditional(7) }), 14)
	expect("conditional(5)", delta(func() { conditional(5) }), 13)
	for i := 0; i < b.N; i++ {
		conditional(i)
	}
}

func BenchmarkManyReturns(b *testing.B) {
	for k, want := range []int{1, 4, 8, 13, 15} {
		r := 0
		d := delta(func() { r = manyReturns(k) })
		expect("manyReturns", d+r, want)
	}
	t := 0 // not sink: manyReturns adds to sink itself
	for i := 0; i < b.N; i++ {
		t += manyReturns(i)
	}
	sink += t
}

func BenchmarkArgs8(b *testing.B) {
	// h points at k, incremented after the defer: g(*h) is double(5).
	expect("args8(4)", delta(func() { args8(4) }), 4+3+3+4+10+1)
	for i := 0; i < b.N; i++ {
		args8(i)
	}
}

func BenchmarkLockUnlock(b *testing.B) {
	n := mu.n
	expect("locked", locked(10), n+11)
	expect("locked after", delta(func() { mu.Lock(); mu.Unlock() }), 0)
	for i := 0; i < b.N; i++ {
		sink += locked(i)
	}
	if mu.locked {
		panic("still locked")
	}
}

func BenchmarkHelperInLoop(b *testing.B) {
	xs := make([]int, 16)
	for i := range xs {
		xs[i] = i
	}
	expect("sumLoop", sumLoop(xs), 120)
	for i := 0; i < b.N; i++ {
		sink += sumLoop(xs)
	}
}

func BenchmarkClosure(b *testing.B) {
	expect("closure(5)", closure(5), 16)
	for i := 0; i < b.N; i++ {
		sink += closure(i)
	}
}

func BenchmarkRecoverGuard(b *testing.B) {
	expect("guarded(3)", delta(func() { guarded(3) }), 3)
	for i := 0; i < b.N; i++ {
		if guarded(i) != nil {
			sink++
		}
	}
}

func BenchmarkWrapErr(b *testing.B) {
	n, err := wrapped(6)
	expect("wrapped(6)", n, 7)
	if err != nil {
		panic(err)
	}
	for i := 0; i < b.N; i++ {
		n, err := wrapped(i)
		if err != nil {
			sink++
		}
		sink += n
	}
}
