package main

import "fmt"

// Arrays, boxes and fmt's operands: what escape keeps in the frame, in gc's words.

type pair struct {
	a, b int
}

var sink []int
var anySink any

//go:noinline
func sum(s []int) int {
	t := 0
	for _, x := range s {
		t += x
	}
	return t
}

//go:noinline
func arrays(n int) int {
	a := make([]int, 256)
	b := make([]int, 10, 20)
	c := []int{1, 2, 3}
	d := make([]int, n)
	big := make([]int, 100000)
	h := make([]int, 8)
	sink = h
	return sum(a) + sum(b) + sum(c) + sum(d) + sum(big)
}

//go:noinline
func scratch(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		buf := make([]int, 64)
		buf[i%64] = i
		t += sum(buf)
	}
	return t
}

//go:noinline
func boxes(s string, p pair) bool {
	x := any(p)
	y := any(s)
	anySink = pair{1, 2}
	return x == y
}

//go:noinline
func printing(s string, p pair) {
	fmt.Println(s, p)
}

func main() {
	fmt.Println(arrays(3), scratch(100), boxes("a", pair{}))
	printing("b", pair{3, 4})
}
