// gc's append stack buffer is per call frame: a `used` flag set at the first site. A
// function that gc may inline shares its caller's frame, so only calls outside loops
// (or of functions gc never inlines: //go:noinline, defer) are checked here; "first"
// is in gc's SSA order (if/else, switch clauses, a for loop's body before its post).
package main

import "fmt"

func helper(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return cap(s)
}

//go:noinline
func noinl(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return cap(s)
}

func withDefer(n int) (c int) {
	defer func() { c++ }()
	var s []byte
	for i := 0; i < n; i++ {
		s = append(s, 1)
	}
	return cap(s)
}

func once() {
	var s []int
	s = append(s, 1, 2)
	fmt.Println("once", cap(s))
}

func twice() {
	once()
	once()
}

func branches(x bool) {
	var s []int
	if x {
		s = append(s, 1)
	} else {
		s = append(s, 2)
	}
	fmt.Println("branch", x, cap(s))
}

func sw(k int) {
	var s []int
	switch k {
	case 1:
		s = append(s, 1)
	case 2:
		s = append(s, 1, 2)
	default:
		s = append(s, 1, 2, 3)
	}
	fmt.Println("switch", k, cap(s))
}

func post() {
	var s []int
	for i := 0; i < 6; s = append(s, i) {
		i++
		fmt.Print(cap(s), " ")
	}
	fmt.Println(cap(s))
}

type Acc struct{ n int }

func (a *Acc) Fill(n int) int {
	var s []string
	for i := 0; i < n; i++ {
		s = append(s, "x")
	}
	a.n = cap(s)
	return cap(s)
}

func main4() {
	fmt.Println("helper", helper(3))
	for i := 0; i < 3; i++ {
		fmt.Println("noinl", noinl(3))
		fmt.Println("defer", withDefer(5))
	}
	twice()
	branches(true)
	branches(false)
	sw(1)
	sw(2)
	sw(3)
	post()
	a := &Acc{}
	fmt.Println("method", a.Fill(3), a.n)
}

var initCap = buildInit(2)

func buildInit(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, len(s))
	}
	return cap(s)
}

func swb(k int) {
	var s []byte
	switch k {
	case 5:
		s = append(s, 5)
	case 1:
		s = append(s, 1, 1)
	case 3:
		s = append(s, 3, 3, 3)
	case 2:
		s = append(s, 2, 2)
	case 4:
		s = append(s, 4)
	}
	fmt.Println("sw", k, len(s), cap(s))
}

func ts(v any) {
	var s []int
	switch v.(type) {
	case string:
		s = append(s, 1)
	case int:
		s = append(s, 1)
	}
	fmt.Println("ts", cap(s))
}

func inner() int {
	var s []int
	s = append(s, 1)
	return cap(s)
}

func outer() int {
	return inner() + inner()
}

func rec(n int) int {
	var s []int
	s = append(s, n)
	if n == 0 {
		return cap(s)
	}
	return cap(s)*10 + rec(n-1)
}

func bytes() {
	var b []byte
	b = append(b, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '0', '1', '2', '3', '4', '5', '6')
	fmt.Println("33 bytes", len(b), cap(b))
	var c []byte
	c = append(c, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '0', '1', '2', '3', '4', '5')
	fmt.Println("32 bytes", len(c), cap(c), string(c[:3]))
	c = append(c, '!')
	fmt.Println("32+1 bytes", len(c), cap(c))
}

func grid() {
	var rows [][]int
	for i := 0; i < 3; i++ {
		var row []int
		for j := 0; j < i+1; j++ {
			row = append(row, j)
		}
		rows = append(rows, nil)
		rows[i] = nil
		fmt.Println("row", i, cap(row))
	}
	fmt.Println("rows", len(rows), cap(rows))
}

func twoVars() {
	var a, b []int
	a = append(a, 1)
	b = append(b, 1)
	b = append(b, 2, 3, 4, 5)
	a = append(a, 2, 3, 4, 5)
	fmt.Println("two", cap(a), cap(b))
}

func main() {
	main4()
	fmt.Println("init", initCap)
	swb(1)
	swb(2)
	swb(3)
	swb(4)
	swb(5)
	ts(1)
	ts("x")
	fmt.Println("outer", outer())
	fmt.Println("rec", rec(3))
	bytes()
	grid()
	twoVars()
}
