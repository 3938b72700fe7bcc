package main

import "fmt"

// Unnamed results after a recovery: zero when the panic came before the return, the
// returned values when a deferred call panicked after the return assigned them; and a
// defer whose argument evaluation panics is not pushed, while earlier ones run.

func panicBeforeReturn() int {
	defer func() { recover() }()
	x := 5
	if x > 0 {
		panic("p")
	}
	return x
}

func panicAfterReturn() (int, string) {
	defer func() { recover() }()
	defer func() { panic("late") }()
	return 7, "seven"
}

func panicAfterReturnCond(c bool) (int, string) {
	if c {
		defer func() { recover() }()
	}
	defer fmt.Println("printing", c)
	if !c {
		defer func() { recover() }()
	}
	defer func() { panic("late") }()
	return 8, "eight"
}

func argPanics(k int) (r any) {
	defer func() { r = recover() }()
	defer fmt.Println("pushed", k)
	s := []int{1}
	defer fmt.Println("never", k, s[k], fmt.Sprint(k))
	return "ok"
}

func main() {
	fmt.Println(panicBeforeReturn())
	fmt.Println(panicAfterReturn())
	fmt.Println(panicAfterReturnCond(true))
	fmt.Println(panicAfterReturnCond(false))
	fmt.Println(argPanics(0))
	fmt.Println(argPanics(1))
}
