package main

import "fmt"

// Defers inside loop statements that run at most once (a loop left by `break` or
// `return` before it can repeat, a labeled `break outer` out of nested loops) mixed with
// defers that really repeat: each call runs once per push, in reverse push order.

var trace string

func t(s string, v int) { trace += fmt.Sprint(s, v, " ") }

func breakAtOnce(k int) {
	defer t("pre", k)
	for {
		defer t("once", k)
		k++
		break
	}
	defer t("post", k)
	for k < 100 {
		defer t("returning", k)
		if k > 2 {
			return
		}
		k *= 10
	}
	defer t("end", k)
}

func labeled(n int) (r int) {
	defer func() { t("r", r) }()
outer:
	for i := range n {
		for j := range n {
			if j > i {
				continue outer
			}
			if i+j == 3 {
				defer t("break", i*10+j)
				break outer
			}
		}
		defer t("i", i)
	}
	defer t("after", n)
	return n
}

func main() {
	for _, k := range []int{0, 1, 5} {
		breakAtOnce(k)
		fmt.Println("breakAtOnce", k, ":", trace)
		trace = ""
	}
	for n := range 4 {
		labeled(n)
		fmt.Println("labeled", n, ":", trace)
		trace = ""
	}
}
