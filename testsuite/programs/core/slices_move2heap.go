// gc's slice pass (go1.27 cmd/compile/internal/slice/slice.go): a slice built by
// appends whose only escape is one `return s` / `range s` moves to the heap there
// (move2heap), so the appends use the 32-byte stack store first. Capacity observed
// (cap(s)): growsliceBuf climbs the size classes and the move keeps the capacity;
// else the first append takes the whole store and the move rounds the capacity to
// the size class of the length.
package main

import "fmt"

func build(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

//go:noinline
func buildNI(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

func buildB(n int) []byte {
	var s []byte
	for i := 0; i < n; i++ {
		s = append(s, byte(i))
	}
	return s
}

func buildS(n int) []string {
	var s []string
	for i := 0; i < n; i++ {
		s = append(s, "x")
	}
	return s
}

func buildCap(n int) []int {
	var s []int
	c := 0
	for i := 0; i < n; i++ {
		s = append(s, i)
		c += cap(s)
	}
	fmt.Print(c, " ")
	return s
}

func buildRange(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	t := 0
	for _, v := range s {
		t += v
	}
	return t + cap(s)*1000
}

type P struct{ a, b int }

func buildP(n int) []P {
	var s []P
	for i := 0; i < n; i++ {
		s = append(s, P{i, i})
	}
	return s
}

func main() {
	for _, n := range []int{0, 1, 2, 3, 4, 5, 9, 17, 33, 100} {
		a := build(n)
		b := buildNI(n)
		c := buildB(n)
		d := buildS(n)
		e := buildCap(n)
		f := buildP(n)
		fmt.Println(n, cap(a), cap(b), cap(c), cap(d), cap(e), cap(f), buildRange(n), a == nil, b == nil)
	}
	for k := 0; k < 3; k++ {
		b := buildNI(3)
		c := buildCap(3)
		fmt.Println("loop", cap(b), cap(c), b, c)
	}
}
