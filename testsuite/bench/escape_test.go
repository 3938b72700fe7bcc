// Everyday shapes that escape analysis keeps off the heap (issue 12): a deferred
// closure setting a named result, a recover wrapper returning an error, recursion with
// a depth counter a deferred closure decrements, a helper taking a callback. gc has 0
// allocs/op on each; so should we.
package escape

import (
	"fmt"
	"testing"
)

var sink int
var errSink error

//go:noinline
func namedResult(x int) (n int) {
	defer func() {
		n += x
	}()
	return x * 2
}

//go:noinline
func safely(f func(int) int, x int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	sink += f(x)
	return nil
}

//go:noinline
func double(x int) int { return 2 * x }

//go:noinline
func walk(n int, depth *int, max *int) {
	*depth++
	defer func() {
		*depth--
	}()
	if *depth > *max {
		*max = *depth
	}
	if n > 0 {
		walk(n-1, depth, max)
	}
}

//go:noinline
func each(xs []int, f func(int)) {
	for _, x := range xs {
		f(x)
	}
}

//go:noinline
func sumWith(xs []int, k int) int {
	sum := 0
	each(xs, func(x int) {
		sum += x * k
	})
	return sum
}

func BenchmarkNamedResult(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink += namedResult(i)
	}
}

func BenchmarkRecoverWrapper(b *testing.B) {
	for i := 0; i < b.N; i++ {
		errSink = safely(double, i)
	}
}

func BenchmarkRecursionCounter(b *testing.B) {
	for i := 0; i < b.N; i++ {
		depth, max := 0, 0
		walk(8, &depth, &max)
		sink += max
	}
}

func BenchmarkCallbackHelper(b *testing.B) {
	xs := []int{1, 2, 3, 4, 5, 6, 7, 8}
	for i := 0; i < b.N; i++ {
		sink += sumWith(xs, i)
	}
}
