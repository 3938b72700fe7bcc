// Inlined callees that recover, repanic and change their named results from a deferred
// closure: the inlined body yields what the call would have returned.
package main

import (
	"errors"
	"fmt"
)

func div(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("div %d/%d: %v", a, b, r)
			q = -1
		}
	}()
	q = a / b
	return q, nil
}

func double(x int) (r int) {
	defer func() { r *= 2 }()
	r = x + 1
	return r
}

func repanic(x int) int {
	defer func() {
		if r := recover(); r != nil {
			panic(fmt.Sprint("again: ", r))
		}
	}()
	if x > 0 {
		panic("first")
	}
	return x
}

func cleanup(tag string) {
	defer fmt.Println("cleanup", tag)
	if tag == "boom" {
		panic(errors.New("boom inside cleanup"))
	}
}

func outer() (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = fmt.Sprint("outer recovered: ", r)
		}
	}()
	fmt.Println(repanic(0))
	fmt.Println(repanic(1))
	return "not reached"
}

func guarded() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("guarded: %v", r)
		}
	}()
	cleanup("ok")
	cleanup("boom")
	return nil
}

func main() {
	fmt.Println(div(7, 2))
	fmt.Println(div(7, 0))
	fmt.Println(double(20))
	fmt.Println(outer())
	fmt.Println(guarded())
	q, err := div(1, 0)
	fmt.Println(q+double(1), err)
}
