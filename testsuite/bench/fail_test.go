// A b.Loop benchmark that breaks out of its loop fails, as in Go; the others run.
package fail

import "testing"

var sink int

func BenchmarkBreak(b *testing.B) {
	i := 0
	for b.Loop() {
		i++
		if i == 3 {
			break
		}
	}
}

func BenchmarkOK(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink++
	}
}
