package main

import "fmt"

// Conditional open-coded defers: if/else chains, a switch, early returns, and several
// returns each leaving with a different set of pending calls. Every input takes another
// path; the trace shows exactly which deferred calls ran, in which order, with which
// arguments.

var trace string

func t(s string, v int) { trace += fmt.Sprint(s, v, " ") }

func chain(x int) int {
	defer t("all", x)
	if x < 0 {
		defer t("neg", x)
		x = -x
	} else if x == 0 {
		defer t("zero", x)
		return 0
	} else if x < 10 {
		defer t("small", x)
	} else {
		defer t("big", x)
		if x > 100 {
			defer t("huge", x)
			return 100
		}
	}
	defer t("tail", x)
	return x * 2
}

func sw(k int) (r int) {
	defer func() { t("r", r) }()
	switch k % 4 {
	case 0:
		defer t("c0", k)
		r = 10
	case 1:
		defer t("c1", k)
		if k > 4 {
			return 11
		}
		defer t("c1b", k)
	case 2:
		return 12
	default:
		defer t("d", k)
	}
	k += 1000
	defer t("after", k)
	return r + 1
}

func many(a, b, c bool) string {
	s := "s"
	if a {
		defer t("a", 1)
	}
	if b {
		defer t("b", 2)
		if !a {
			return "b-only"
		}
	}
	if c {
		defer t("c", 3)
	}
	if a && c {
		return "ac"
	}
	defer t("end", 4)
	if b {
		return s + "b"
	}
	return s
}

func main() {
	for _, x := range []int{-3, 0, 5, 50, 500} {
		r := chain(x)
		fmt.Println("chain", x, "=", r, ":", trace)
		trace = ""
	}
	for k := range 8 {
		r := sw(k)
		fmt.Println("sw", k, "=", r, ":", trace)
		trace = ""
	}
	for i := range 8 {
		a, b, c := i&1 != 0, i&2 != 0, i&4 != 0
		r := many(a, b, c)
		fmt.Println("many", a, b, c, "=", r, ":", trace)
		trace = ""
	}
}
