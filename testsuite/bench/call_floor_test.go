// The floor under BenchmarkInlinable and BenchmarkInlinableNested of
// shared/bench/defer_test.go (issue 11 item 6): once unlockLike and twoLevels are
// inlined and their defers open-coded and inlined, what is left of each iteration is
// the call of `work`, which is //go:noinline and so must stay a call, and its
// `sink += x`, a load and a store of one word that the next call loads again. These
// benchmarks are that loop written out, so gc's own time for it is the best any
// compiler that honours //go:noinline can do, set against gc's time for the original
// shapes (which also pay the call of unlockLike and its defer). `Store` is the same
// call with a store and no load: the difference is the store-to-load round trip.
// Plain Go: `go test -bench . call_floor_test.go` and `deferlab bench` run it.
package floor

import "testing"

var sink int

//go:noinline
func work(x int) { sink += x }

//go:noinline
func set(x int) { sink = x }

func unlockLike(x int) int {
	defer work(1)
	return x + 1
}

// What BenchmarkInlinable's loop is once everything that may be inlined is.
func BenchmarkInlinedShape(b *testing.B) {
	s := 0
	for i := 0; i < b.N; i++ {
		work(1)
		s += i + 1
	}
	sink += s
}

// BenchmarkInlinable itself, for the same run.
func BenchmarkInlinable(b *testing.B) {
	s := 0
	for i := 0; i < b.N; i++ {
		s += unlockLike(i)
	}
	sink += s
}

// What BenchmarkInlinableNested's loop is once everything is inlined: two calls.
func BenchmarkInlinedNestedShape(b *testing.B) {
	s := 0
	for i := 0; i < b.N; i++ {
		work(1)
		work(2)
		s += i + 2
	}
	sink += s
}

// The call alone, with a store and no load of sink.
func BenchmarkStore(b *testing.B) {
	for i := 0; i < b.N; i++ {
		set(i)
	}
}
