package main

import "fmt"

// Calls that may panic between open-coded defers, some of them conditional: when a call
// panics, the panic path runs exactly the defers pushed before it and skips the rest.
// `step` panics at the call whose number is `at`; every `at` from 0 to 7 is tried.

var trace string

func t(s string) { trace += s + " " }

//go:noinline
func step(n, at int) int {
	if n == at {
		panic(fmt.Sprint("step ", n))
	}
	return n
}

func work(at int, odd bool) (res int) {
	defer t("d0")
	res += step(1, at)
	if odd {
		defer t("d1-odd")
	}
	res += step(2, at)
	defer t(fmt.Sprint("d2-", res))
	if !odd {
		res += step(3, at)
		defer t("d3-even")
	} else {
		defer t("d3-odd")
		res += step(4, at)
	}
	res += step(5, at)
	defer t("d5")
	if res > 6 {
		defer t("d6-big")
		res += step(6, at)
	}
	return res + step(7, at)
}

func inlinable(at int) int {
	defer t("i0")
	x := []int{1, 2, 3}
	defer t("i1")
	if at == 1 {
		return x[at*5]
	}
	defer t("i2")
	return x[at] / (at - 2)
}

func try(f func() int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("  panic:", r, "| ran:", trace)
		} else {
			fmt.Println("  ok | ran:", trace)
		}
		trace = ""
	}()
	fmt.Println("  result", f())
}

func main() {
	for at := range 8 {
		for _, odd := range []bool{false, true} {
			fmt.Println("at", at, "odd", odd)
			try(func() int { return work(at, odd) })
		}
	}
	for at := range 3 {
		fmt.Println("inlinable", at)
		try(func() int { return inlinable(at) })
	}
}
