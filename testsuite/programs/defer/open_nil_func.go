package main

import "fmt"

// A nil function value deferred among open-coded defers: its arguments are evaluated at
// the defer statement, it panics only when it would run, and the calls deferred before
// it still run in order. The last one in main is not recovered.

var trace string

func t(s string) { trace += s + " " }

func arg(s string) int {
	t("arg:" + s)
	return len(s)
}

func nilInMiddle(pick int) (r any) {
	defer func() { r = recover(); t("recovered") }()
	defer t("first")
	var f func(int)
	if pick == 1 {
		f = func(n int) { t(fmt.Sprint("f", n)) }
	}
	defer f(arg("xy"))
	f = func(n int) { t("changed after defer") }
	defer t("last")
	t("body")
	return "normal"
}

func nilConditional(on bool) (r any) {
	defer func() { r = recover() }()
	var g func()
	if on {
		defer g()
	}
	defer t("after")
	return "none"
}

func nilReplacesPanic() (r any) {
	defer func() { r = recover() }()
	var h func(string)
	defer h("never")
	defer t("ran before nil")
	panic("original")
}

func main() {
	r := nilInMiddle(0)
	fmt.Println(r, "|", trace)
	trace = ""
	r = nilInMiddle(1)
	fmt.Println(r, "|", trace)
	trace = ""
	r, r2 := nilConditional(false), nilConditional(true)
	fmt.Println(r, r2, "|", trace)
	trace = ""
	r = nilReplacesPanic()
	fmt.Println(r, "|", trace)
	var k func(int, string)
	defer fmt.Println("main: pushed before the nil, runs after it")
	defer k(arg("main"), "s")
	defer fmt.Println("main: pushed after the nil, runs first; trace:", trace)
	trace = ""
	fmt.Println("main body done")
}
