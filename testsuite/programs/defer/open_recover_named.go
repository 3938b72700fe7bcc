package main

import (
	"errors"
	"fmt"
)

// Directly deferred closures that recover, next to other open-coded defers, reading and
// writing named results after the recovery. The caller sees the results as the deferred
// calls left them; defers pushed before the recovering one still run after it.

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("divide %d/%d: %v", a, b, r)
			q = -1
		}
	}()
	q = a / b
	return q, nil
}

func layered(fail bool) (s string, n int) {
	defer func() { s += fmt.Sprint("|last n=", n); n *= 2 }()
	defer func() {
		r := recover()
		s += fmt.Sprint("|recovered=", r)
		n += 5
	}()
	defer func() { s += "|before-recover"; n++ }()
	s, n = "start", 1
	if fail {
		panic("fail")
	}
	return "returned", 10
}

func readAfterReturn() (x int) {
	defer func() {
		recover()
		fmt.Println("read after recover:", x)
		x = x*100 + 7
	}()
	x = 3
	var p *int
	x = *p
	return 99
}

func errorAfterRecover(tag string) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("%s: %w", tag, err)
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(fmt.Sprint(r))
		}
	}()
	if tag == "boom" {
		panic("exploded")
	}
	return nil
}

func main() {
	fmt.Println(divide(7, 2))
	fmt.Println(divide(7, 0))
	fmt.Println(layered(false))
	fmt.Println(layered(true))
	fmt.Println(readAfterReturn())
	fmt.Println(errorAfterRecover("calm"))
	fmt.Println(errorAfterRecover("boom"))
}
