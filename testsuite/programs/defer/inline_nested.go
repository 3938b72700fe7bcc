// Inlining within inlining: callees that defer, called by callees that defer, inlined
// into one another and into deferred closures.
package main

import "fmt"

var trace []string

func mark(s string) { trace = append(trace, s) }

func inner(x int) int {
	defer mark("inner")
	return x + 1
}

func middle(x int) int {
	defer mark("middle")
	return inner(x) * 2
}

func top(x int) (r int) {
	defer func() {
		mark("top")
		r += inner(0)
	}()
	return middle(x) + inner(x)
}

func fails(x int) int {
	defer mark("fails")
	if x < 0 {
		panic(fmt.Sprintf("negative %d", x))
	}
	return middle(x)
}

func safe(x int) (r int, msg string) {
	defer func() {
		if e := recover(); e != nil {
			msg = fmt.Sprint(e)
			r = inner(-2)
		}
	}()
	return fails(x), "ok"
}

func main() {
	fmt.Println(top(3), trace)
	trace = nil
	fmt.Println(safe(1))
	fmt.Println(trace)
	trace = nil
	fmt.Println(safe(-1))
	fmt.Println(trace)
}
