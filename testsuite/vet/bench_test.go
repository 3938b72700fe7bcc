// A benchmark file is vetted as `deferlab bench` compiles it (any package name).
// defer.loop and defer.recover in benchmark shapes: b.Run's function literal is a
// value (it may be deferred), so its recover() is not reported.
package vetbench

import "testing"

var sink int

//go:noinline
func work(x int) { sink += x }

func BenchmarkLoop(b *testing.B) {
	for i := 0; i < b.N; i++ {
		defer work(i) // want "defer in a loop: the call runs when BenchmarkLoop returns"
	}
}

func BenchmarkPerIteration(b *testing.B) {
	for i := 0; i < b.N; i++ {
		func() {
			defer work(i)
		}()
	}
}

func BenchmarkSub(b *testing.B) {
	b.Run("sub", func(b *testing.B) {
		defer func() { recover() }()
		for i := 0; i < b.N; i++ {
			work(i)
		}
	})
}
