package deferbench

import "testing"

func work(n int) int { return n * 2 }

func BenchmarkWork(b *testing.B) {
	s := 0
	for i := 0; i < b.N; i++ {
		s += work(i)
	}
	_ = s
}

func BenchmarkLoop(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		work(1)
	}
	b.Run("sub", func(b *testing.B) {
		b.ResetTimer()
	})
}
