// Capacities that gc 1.27 decides after inlining, from the CALLER's escape analysis
// or frame (slice.go and the append stack store), which we do not reproduce.
package main

import "fmt"

// Inlined into main's loop: the store's `used` flag is main's, so only the first
// call takes the store (caps 3, then 4 4).
func build(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

// Inlined named result: the bare return is no transition after inlining; the result
// does not escape main, so escape analysis gives the append the store (cap 4 at n=1).
func named(n int) (s []int) {
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return
}

// `x = s` inside the loop: slice.go gives up, but x never escapes, so escape
// analysis gives the appends the store anyway (cap(x) 4 at n=1).
//
//go:noinline
func inLoop(n int) int {
	var s []int
	var x []int
	for i := 0; i < n; i++ {
		s = append(s, i)
		x = s
	}
	return cap(x)
}

func main() {
	for k := 0; k < 3; k++ {
		fmt.Println(cap(build(3)))
	}
	for _, n := range []int{1, 2, 3} {
		fmt.Println(n, cap(named(n)), inLoop(n))
	}
}
