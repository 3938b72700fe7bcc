// Escape analysis remarks (`deferlab build -m`), compared by hand with
// `go build -gcflags=-m` (Go 1.27.3) on this file; where we differ, the line says why.
package main

import "fmt"

var sink *int
var fns []func() int

//go:noinline
func returned() *int {
	x := 1 // moved to heap: x (both)
	return &x
}

//go:noinline
func stored() {
	y := 2 // moved to heap: y (both)
	sink = &y
}

//go:noinline
func local() int {
	z := 3 // in the frame (both: no remark)
	p := &z
	*p++
	return z
}

//go:noinline
func read(p *int) int {
	return *p
}

//go:noinline
func callee() int {
	w := 4 // in the frame: read does not leak p (both)
	return read(&w)
}

//go:noinline
func namedResult() (n int) {
	defer func() { // func literal does not escape (both)
		n *= 2
	}()
	return 21
}

//go:noinline
func recoverWrapper(f func()) (err error) {
	defer func() { // func literal does not escape (both)
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	f()
	return nil
}

//go:noinline
func returnedClosure() func() int {
	c := 0 // moved to heap: c (both)
	return func() int { // func literal escapes to heap (both)
		c++
		return c
	}
}

//go:noinline
func loopClosures() {
	for i := 0; i < 3; i++ {
		// gc captures i by value (never reassigned in the body): no remark for i;
		// we capture by reference, so i is moved to heap with the closure.
		fns = append(fns, func() int { return i }) // func literal escapes to heap (both)
	}
}

//go:noinline
func loopLocal() int {
	s := 0
	for i := 0; i < 3; i++ {
		v := i // gc: in the frame; we keep a per-iteration cell on the heap
		f := func() int { return v * 2 }
		s += f()
	}
	return s
}

func main() {
	fmt.Println(*returned(), local(), callee(), namedResult())
	stored()
	fmt.Println(*sink, recoverWrapper(func() { panic("x") }))
	fmt.Println(returnedClosure()(), loopLocal())
	loopClosures()
	fmt.Println(fns[2]())
}
