// The testing subset in one file: b.N loops, b.Loop, sub-benchmarks (with a
// duplicate name and a name with a space), the timer calls and ReportAllocs.
package basic

import (
	"fmt"
	"testing"
)

var sink int

type box struct{ v int }

var keep *box

//go:noinline
func work(x int) { sink += x }

func BenchmarkPlain(b *testing.B) {
	for i := 0; i < b.N; i++ {
		work(i)
	}
}

func BenchmarkLoop(b *testing.B) {
	for b.Loop() {
		work(1)
	}
}

func BenchmarkSub(b *testing.B) {
	for _, n := range []int{1, 2} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				work(n)
			}
		})
	}
	b.Run("dup", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			work(1)
		}
	})
	b.Run("dup", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			work(2)
		}
	})
	b.Run("with space", func(b *testing.B) {
		for b.Loop() {
			work(3)
		}
	})
}

func BenchmarkTimer(b *testing.B) {
	b.StopTimer()
	work(5)
	b.StartTimer()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		work(i)
	}
}

func BenchmarkAllocs(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		keep = &box{v: i}
	}
}
