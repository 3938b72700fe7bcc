// The benchmarks `deferlab bench --save-costs` reads, cut from the reference
// benchmark (shared/bench/defer_test.go) for tests/vet_cli.rs; same shapes, same names.
package deferbench

import (
	"fmt"
	"testing"
)

var sink int

//go:noinline
func work(x int) { sink += x }

//go:noinline
func noDefer() { sink += 1 }

//go:noinline
func straight1() {
	defer work(1)
}

//go:noinline
func straight64() {
	defer work(1)
	defer work(2)
	defer work(3)
	defer work(4)
	defer work(5)
	defer work(6)
	defer work(7)
	defer work(8)
	defer work(9)
	defer work(10)
	defer work(11)
	defer work(12)
	defer work(13)
	defer work(14)
	defer work(15)
	defer work(16)
	defer work(17)
	defer work(18)
	defer work(19)
	defer work(20)
	defer work(21)
	defer work(22)
	defer work(23)
	defer work(24)
	defer work(25)
	defer work(26)
	defer work(27)
	defer work(28)
	defer work(29)
	defer work(30)
	defer work(31)
	defer work(32)
	defer work(33)
	defer work(34)
	defer work(35)
	defer work(36)
	defer work(37)
	defer work(38)
	defer work(39)
	defer work(40)
	defer work(41)
	defer work(42)
	defer work(43)
	defer work(44)
	defer work(45)
	defer work(46)
	defer work(47)
	defer work(48)
	defer work(49)
	defer work(50)
	defer work(51)
	defer work(52)
	defer work(53)
	defer work(54)
	defer work(55)
	defer work(56)
	defer work(57)
	defer work(58)
	defer work(59)
	defer work(60)
	defer work(61)
	defer work(62)
	defer work(63)
	defer work(64)
}

//go:noinline
func loopDefers(n int) {
	for j := 0; j < n; j++ {
		defer func(id int) { sink += id }(j)
	}
}

func unlockLike(x int) int {
	defer work(1)
	return x + 1
}

func BenchmarkNoDefer(b *testing.B) {
	for i := 0; i < b.N; i++ {
		noDefer()
	}
}

func BenchmarkStraight1(b *testing.B) {
	for i := 0; i < b.N; i++ {
		straight1()
	}
}

func BenchmarkStraight64(b *testing.B) {
	for i := 0; i < b.N; i++ {
		straight64()
	}
}

func BenchmarkLoop(b *testing.B) {
	for _, n := range []int{1, 8, 16, 17, 32} {
		b.Run(fmt.Sprintf("defer_%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				loopDefers(n)
			}
		})
	}
}

func BenchmarkInlinable(b *testing.B) {
	s := 0
	for i := 0; i < b.N; i++ {
		s += unlockLike(i)
	}
	sink += s
}
