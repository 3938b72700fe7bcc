// A family of benchmarks by defer count, for --plot.
package straight

import "testing"

var sink int

//go:noinline
func work(x int) { sink += x }

//go:noinline
func straight1() { defer work(1) }

//go:noinline
func straight2() {
	defer work(1)
	defer work(2)
}

//go:noinline
func straight4() {
	defer work(1)
	defer work(2)
	defer work(3)
	defer work(4)
}

func BenchmarkStraight1(b *testing.B) {
	for i := 0; i < b.N; i++ {
		straight1()
	}
}

func BenchmarkStraight2(b *testing.B) {
	for i := 0; i < b.N; i++ {
		straight2()
	}
}

func BenchmarkStraight4(b *testing.B) {
	for i := 0; i < b.N; i++ {
		straight4()
	}
}
