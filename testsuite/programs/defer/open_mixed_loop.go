package main

import "fmt"

// Loop defers (chain records) and straight defers (open-coded) in one function: the
// calls must still run in exact reverse order of their defer statements, on the normal
// path and on the panic path, whatever mix of strategies the compiler picks.

var trace string

func t(s string, v int) { trace += fmt.Sprint(s, v, " ") }

func loopThenStraight(n int) {
	for i := range n {
		defer t("L", i)
	}
	defer t("S", 1)
	defer t("S", 2)
}

func straightLoopStraight(n int) {
	defer t("A", 0)
	defer t("A", 1)
	for i := range n {
		defer t("L", i)
		if i == 1 {
			defer t("L1extra", i)
		}
	}
	defer t("B", 0)
	if n > 2 {
		defer t("Bcond", n)
	}
	defer t("B", 1)
}

func twoLoops(n int) {
	defer t("a", n)
	for i := range n {
		defer t("x", i)
	}
	defer t("b", n)
	for i := 0; i < n; i++ {
		defer t("y", i)
		if i == 0 {
			break
		}
	}
	defer t("c", n)
}

func panicsMidLoop(n int) {
	defer func() {
		r := recover()
		t(fmt.Sprint("recovered:", r, ":"), n)
	}()
	defer t("S", 0)
	for i := range n {
		if i == 2 {
			panic("loop")
		}
		defer t("L", i)
	}
	defer t("S", 1)
}

func panicsAfterLoop(n int) {
	defer func() { t(fmt.Sprint("recovered:", recover(), ":"), n) }()
	for i := range n {
		defer t("L", i)
	}
	defer t("S", 1)
	var s []int
	defer t("S", s[n])
}

func returnInLoop(n int) int {
	defer t("S", 0)
	for i := range n {
		defer t("L", i)
		if i == 1 {
			return i
		}
	}
	defer t("S", 1)
	return -1
}

func main() {
	for _, n := range []int{0, 1, 3} {
		loopThenStraight(n)
		fmt.Println("loopThenStraight", n, ":", trace)
		trace = ""
		straightLoopStraight(n)
		fmt.Println("straightLoopStraight", n, ":", trace)
		trace = ""
		twoLoops(n)
		fmt.Println("twoLoops", n, ":", trace)
		trace = ""
		panicsMidLoop(n)
		fmt.Println("panicsMidLoop", n, ":", trace)
		trace = ""
		panicsAfterLoop(n)
		fmt.Println("panicsAfterLoop", n, ":", trace)
		trace = ""
		r := returnInLoop(n)
		fmt.Println("returnInLoop", n, r, ":", trace)
		trace = ""
	}
}
