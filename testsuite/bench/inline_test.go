// Shapes whose speed depends on inlining and that have no defer (issue 11 item 8):
// getters and setters on a struct in a loop, arithmetic helpers (min, max, abs, clamp)
// in a loop, a small predicate in a filter loop, a method value called in a loop, a
// helper indexing a slice (a bounds check the caller's loop may make redundant), and
// helpers calling helpers. gc inlines every helper here; only the outer loop functions
// are //go:noinline, so each benchmark times the loop and what inlining made of it.
// Plain Go: it runs under `go test -bench . inline_test.go` and `deferlab bench
// inline_test.go` (`--disable-pass inline` for the shapes without inlining). Each
// benchmark first checks a few results and panics on a wrong one, so a miscompile fails
// the run.
package inline

import (
	"fmt"
	"testing"
)

var sink int

type point struct {
	x, y int
}

func (p *point) X() int     { return p.x }
func (p *point) Y() int     { return p.y }
func (p *point) SetX(v int) { p.x = v }
func (p *point) SetY(v int) { p.y = v }

// Getters and setters: move every point by (dx, dy) and sum the coordinates.
//
//go:noinline
func moveAll(ps []point, dx, dy int) int {
	sum := 0
	for i := range ps {
		p := &ps[i]
		p.SetX(p.X() + dx)
		p.SetY(p.Y() + dy)
		sum += p.X() + p.Y()
	}
	return sum
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func clamp(x, lo, hi int) int {
	return maxInt(lo, minInt(x, hi))
}

// Arithmetic helpers, one calling the others.
//
//go:noinline
func clampSum(xs []int, lo, hi int) int {
	sum := 0
	for _, x := range xs {
		sum += clamp(x, lo, hi) + abs(x)
	}
	return sum
}

func isEven(x int) bool { return x&1 == 0 }

// A small predicate in a filter loop, into a buffer that is large enough.
//
//go:noinline
func filterEven(dst, xs []int) []int {
	dst = dst[:0]
	for _, x := range xs {
		if isEven(x) {
			dst = append(dst, x)
		}
	}
	return dst
}

type acc struct {
	total int
}

func (a *acc) add(x int) { a.total += x }

// A method value bound once and called in a loop.
//
//go:noinline
func sumMethodValue(a *acc, xs []int) int {
	f := a.add
	for _, x := range xs {
		f(x)
	}
	return a.total
}

func at(xs []int, i int) int { return xs[i] }

// A helper that indexes (and so bounds-checks) the slice the loop ranges over.
//
//go:noinline
func sumAt(xs []int) int {
	sum := 0
	for i := range xs {
		sum += at(xs, i)
	}
	return sum
}

// expect panics unless got == want: the benchmarks' self-check.
func expect(what string, got, want int) {
	if got != want {
		panic(fmt.Sprintf("%s: got %d, want %d", what, got, want))
	}
}

// data is -32..31, in an order that a branch predictor cannot learn in a few steps.
func data() []int {
	xs := make([]int, 64)
	for i := range xs {
		xs[i] = (i*37)%64 - 32
	}
	return xs
}

func BenchmarkGetSet(b *testing.B) {
	ps := make([]point, 32)
	for i := range ps {
		ps[i] = point{x: i, y: -i}
	}
	// Sum over i of (i+1) + (-i+2) = 3 per point.
	expect("moveAll", moveAll(ps, 1, 2), 96)
	expect("moveAll back", moveAll(ps, -1, -2), 0)
	for i := 0; i < b.N; i++ {
		sink += moveAll(ps, 1, -1)
	}
}

func BenchmarkMinMaxClamp(b *testing.B) {
	xs := data()
	expect("clamp(-40)", clamp(-40, -10, 10), -10)
	expect("clamp(3)", clamp(3, -10, 10), 3)
	expect("clampSum small", clampSum([]int{-20, -5, 0, 7, 30}, -10, 10), 2+62)
	expect("clampSum", clampSum(xs, -10, 10), -10+1024)
	for i := 0; i < b.N; i++ {
		sink += clampSum(xs, -10, 10)
	}
}

func BenchmarkFilter(b *testing.B) {
	xs := data()
	dst := make([]int, 0, len(xs))
	evens := filterEven(dst, xs)
	expect("len(evens)", len(evens), 32)
	expect("evens[0]", evens[0], -32)
	expect("evens[1]", evens[1], -22)
	for i := 0; i < b.N; i++ {
		sink += len(filterEven(dst, xs))
	}
}

func BenchmarkMethodValue(b *testing.B) {
	xs := data()
	expect("sumMethodValue", sumMethodValue(&acc{total: 5}, xs), 5-32)
	a := &acc{}
	for i := 0; i < b.N; i++ {
		sink += sumMethodValue(a, xs)
	}
}

func BenchmarkIndexHelper(b *testing.B) {
	xs := data()
	expect("sumAt", sumAt(xs), -32)
	expect("sumAt short", sumAt(xs[:3]), -32+5+42-64)
	for i := 0; i < b.N; i++ {
		sink += sumAt(xs)
	}
}
