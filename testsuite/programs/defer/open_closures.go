package main

import "fmt"

// Function literals with their own open-coded defers, called in loops (each call is one
// activation of the literal's scope, so its defers run once per call), deferred literals
// that defer again, and the deferred builtins recover and println among them.

var trace string

func t(s string, v int) { trace += fmt.Sprint(s, v, " ") }

func main() {
	step := func(i int) (r int) {
		defer func() { r += 100 }()
		if i%2 == 0 {
			defer t("even", i)
		}
		defer t("step", i)
		return i
	}
	sum := 0
	for i := range 4 {
		sum += step(i)
	}
	fmt.Println("sum", sum, ":", trace)
	trace = ""

	nested := func(n int) {
		defer t("outer", n)
		defer func() {
			defer t("inner-deferred", n)
			defer func() { t(fmt.Sprint("inner-recovered:", recover(), ":"), n) }()
			t("inner-body", n)
			if n > 10 {
				panic("inner")
			}
		}()
		n *= 10
		defer t("last", n)
	}
	nested(1)
	nested(2)
	fmt.Println("nested:", trace)
	trace = ""

	quiet := func(k int) (res string) {
		defer func() {
			defer recover()
			t("wrapper", k)
		}()
		defer println("deferred println", k)
		res = fmt.Sprint("quiet ", k)
		if k > 0 {
			panic("stopped by a deferred recover()")
		}
		return res + " returned"
	}
	r0 := quiet(0)
	r1 := quiet(1)
	fmt.Println(r0, "|", r1, "|", trace)
	trace = ""

	for i := range 3 {
		f := func() (err any) {
			defer func() { err = recover() }()
			defer t("loop-literal", i)
			if i == 1 {
				panic(fmt.Sprint("i=", i))
			}
			return nil
		}
		e := f()
		fmt.Println("iteration", i, "err", e, ":", trace)
		trace = ""
	}
}
