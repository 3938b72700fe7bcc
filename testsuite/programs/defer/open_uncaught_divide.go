package main

import "fmt"

// An uncaught integer division by zero raised between open-coded defers in two frames: the calls deferred
// before it run (last first, with the arguments of their defer statements), those after
// it are never pushed, and the program dies with Go's message and status 2.

type box struct{ v int }

func fault(k int) int {
	d := 0
	defer fmt.Println("fault: first deferred", k)
	k++
	if k > 0 {
		defer fmt.Println("fault: conditional deferred", k)
	}
	k = k / d
	defer fmt.Println("fault: never pushed")
	return k
}

func caller() {
	defer fmt.Println("caller: deferred before the call")
	n := fault(2)
	defer fmt.Println("caller: never pushed", n)
}

func main() {
	defer fmt.Println("main: deferred")
	fmt.Println("start")
	caller()
	fmt.Println("unreachable")
}
