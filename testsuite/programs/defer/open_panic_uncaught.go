package main

import "fmt"

// An uncaught panic leaves through open-coded defers in two frames: every pending call
// runs once (last first, arguments from the defer statement), a deferred call that
// panics replaces the value, and the chain printed at the end names both.

func inner(n int) {
	defer fmt.Println("inner first", n)
	n *= 10
	defer fmt.Println("inner second", n)
	if n > 5 {
		defer func() {
			fmt.Println("inner conditional, panicking again")
			panic(fmt.Sprint("from defer ", n))
		}()
	}
	n++
	defer fmt.Println("inner third", n)
	panic(fmt.Sprint("inner ", n))
}

func outer() {
	x := "x0"
	defer fmt.Println("outer first", x)
	defer func() { fmt.Println("outer closure sees", x) }()
	x = "x1"
	defer fmt.Println("outer second", x)
	inner(len(x))
	defer fmt.Println("outer never pushed")
}

func main() {
	defer fmt.Println("main deferred")
	fmt.Println("start")
	outer()
	fmt.Println("unreachable")
}
