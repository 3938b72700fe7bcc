// Shapes of gc's slice pass (go1.27 slice.go) that apply or must not: named results
// with a bare return, parameters (in functions gc never inlines), a transition inside
// a loop or two transitions (no move2heap), `sink = s`, nested loops, a single append
// (weight 1), reslicing, a literal initial value, `s == nil` (not understood).
package main

import "fmt"

//go:noinline
func named(n int) (s []int) {
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return
}

//go:noinline
func namedCap(n int) (s []int) {
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	fmt.Print(cap(s), " ")
	return
}

//go:noinline
func param(s []int, n int) []int {
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

//go:noinline
func twoTransitions(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	if n > 3 {
		return s
	}
	return s
}

var sink []int

//go:noinline
func assignGlobal(n int) {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	sink = s
}

//go:noinline
func nested(n int) []byte {
	var s []byte
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			s = append(s, byte(i+j))
		}
	}
	return s
}

//go:noinline
func single(n int) []int {
	var s []int
	s = append(s, n)
	return s
}

//go:noinline
func two(n int) []int {
	var s []int
	s = append(s, n)
	s = append(s, n, n)
	return s
}

//go:noinline
func reslice(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	if len(s) > 0 {
		s = s[:len(s)-1]
	}
	s = append(s, 7)
	return s
}

//go:noinline
func rangeNoCap(n int) int {
	var s []string
	for i := 0; i < n; i++ {
		s = append(s, "ab")
	}
	t := 0
	for _, v := range s {
		t += len(v)
	}
	return t
}

type P struct {
	a int
	b string
}

//go:noinline
func structs(n int) []P {
	var s []P
	for i := 0; i < n; i++ {
		s = append(s, P{i, "x"})
		if cap(s) > 100 {
			break
		}
	}
	return s
}

//go:noinline
func nilCheck(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	if s == nil {
		return nil
	}
	return s
}

//go:noinline
func lit(n int) []int {
	s := []int{9}
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

//go:noinline
func declIn(n int) int {
	t := 0
	for k := 0; k < 3; k++ {
		var s []int
		for i := 0; i < n; i++ {
			s = append(s, i)
		}
		x := s
		t = t*100 + cap(x)
	}
	return t
}

func main() {
	for _, n := range []int{0, 1, 2, 3, 5, 9} {
		a := named(n)
		c := namedCap(n)
		d := param(nil, n)
		e := param([]int{1}, n)
		assignGlobal(n)
		fmt.Println(n, cap(a), cap(c), cap(d), cap(e), cap(twoTransitions(n)), cap(sink), cap(nested(n)), cap(single(n)), cap(two(n)), cap(reslice(n)), rangeNoCap(n), cap(structs(n)), cap(nilCheck(n)), cap(lit(n)), declIn(n))
	}
	for k := 0; k < 3; k++ {
		fmt.Println(cap(named(3)), cap(lit(2)), cap(two(4)))
	}
}
