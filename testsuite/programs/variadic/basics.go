package main

import (
	"errors"
	"fmt"
)

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func count(prefix string, xs ...string) string {
	return fmt.Sprint(prefix, len(xs), xs, xs == nil)
}

// The slice passed with s... is the caller's: writes show through.
func zero(xs ...int) {
	for i := range xs {
		xs[i] = 0
	}
}

func logf(format string, args ...any) {
	fmt.Printf("log: "+format+"\n", args...)
}

func all(args ...any) {
	fmt.Println(len(args), args)
	for _, a := range args {
		fmt.Printf("%T ", a)
	}
	fmt.Println()
}

type acc struct{ total int }

func (a *acc) add(xs ...int) *acc {
	for _, x := range xs {
		a.total += x
	}
	return a
}

func (a acc) with(xs ...int) int { return a.total + sum(xs...) }

func nested(xss ...[]int) int {
	n := 0
	for _, xs := range xss {
		n += sum(xs...)
	}
	return n
}

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	fmt.Println(count("a"), count("b", "x"), count("c", []string{}...))
	var none []string
	fmt.Println(count("d", none...))

	s := []int{1, 2, 3}
	fmt.Println(sum(s...), sum(s[1:]...))
	zero(s[:2]...)
	fmt.Println(s)

	logf("%d and %s", 7, "seven")
	logf("no args")
	all()
	all(1, "two", errors.New("three"), nil, []int{4})
	vals := []any{5, "six"}
	all(vals...)

	a := &acc{}
	a.add(1, 2).add().add(s...)
	fmt.Println(a.total)
	w := a.with(10, 20)
	fmt.Println(w, (*acc).add(a, 100).total)
	fmt.Println(acc.with(*a))

	f := sum
	g := func(prefix string, xs ...int) string { return fmt.Sprint(prefix, xs) }
	h := a.add
	fmt.Printf("%T %T %T\n", f, g, h)
	fmt.Println(f(4, 5), g("p"), g("q", 1, 2), h(1).total)
	fmt.Println(nested(), nested([]int{1, 2}, nil, []int{3}))
}
