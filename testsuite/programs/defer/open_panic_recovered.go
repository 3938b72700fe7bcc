package main

import "fmt"

// Open-coded defers on the panic path: a panic in the body, a panic raised by a deferred
// call at the normal exit, and a panic replacing an earlier one. Every deferred call must
// run exactly once, last first, with the arguments it had at its defer statement.

var trace string

func note(s string) { trace += s + " " }

func guard(name string) {
	if r := recover(); r != nil {
		note(name + ":recovered(" + fmt.Sprint(r) + ")")
	}
}

func bodyPanics(k int) {
	defer guard("g")
	defer note(fmt.Sprint("a", k))
	k++
	defer note(fmt.Sprint("b", k))
	if k > 1 {
		panic(fmt.Sprint("body", k))
	}
	defer note("c")
	note("end")
}

func deferPanicsAtNormalExit() {
	defer guard("g")
	defer note("first")
	defer panic("from defer")
	defer note("third")
	note("body")
}

func panicReplacesPanic() {
	defer guard("g")
	defer note("outer")
	defer func() {
		note("replacing")
		panic("second")
	}()
	defer note("inner")
	panic("first")
}

func twoGuards() (n int) {
	defer func() { n += 100; note(fmt.Sprint("n=", n)) }()
	defer guard("g2")
	defer func() { n += 10; panic("again") }()
	defer guard("g1")
	n = 1
	panic("once")
}

func main() {
	bodyPanics(0)
	fmt.Println(trace)
	trace = ""
	bodyPanics(1)
	fmt.Println(trace)
	trace = ""
	deferPanicsAtNormalExit()
	fmt.Println(trace)
	trace = ""
	panicReplacesPanic()
	fmt.Println(trace)
	trace = ""
	n := twoGuards()
	fmt.Println(n, trace)
}
