// A benchmark that panics ends the run as go test does: crash report, FAIL.
package panics

import "testing"

var sink int

func BenchmarkOK(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink++
	}
}

func BenchmarkBoom(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if i == 5 {
			panic("boom")
		}
	}
}

func BenchmarkAfter(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sink++
	}
}
