package main

import "fmt"

// Open-coded defers in recursive functions: every activation has its own pending calls
// and arguments; a panic at the bottom unwinds through all of them until a level that
// recovers, which then returns normally to its callers' open-coded defers.

var trace string

func t(s string, v int) { trace += fmt.Sprint(s, v, " ") }

func down(n int) int {
	defer t("d", n)
	if n == 0 {
		return 0
	}
	if n%2 == 0 {
		defer t("even", n)
	}
	r := down(n - 1)
	defer t("r", r)
	return r + n
}

func fall(n, bottom, catch int) (res int) {
	if n == catch {
		defer func() {
			if r := recover(); r != nil {
				t(fmt.Sprint("caught:", r, "@"), n)
				res = -n
			}
		}()
	}
	defer t("f", n)
	if n == bottom {
		panic(fmt.Sprint("bottom ", n))
	}
	res = fall(n+1, bottom, catch) * 2
	defer t("after", res)
	return res
}

func fib(n int) (r int) {
	defer func() { r++ }()
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	v := down(5)
	fmt.Println("down", v, ":", trace)
	trace = ""
	v = fall(0, 4, 2)
	fmt.Println("fall", v, ":", trace)
	trace = ""
	v = fall(0, 3, 0)
	fmt.Println("fall", v, ":", trace)
	trace = ""
	v = fib(10)
	fmt.Println("fib", v)
}
