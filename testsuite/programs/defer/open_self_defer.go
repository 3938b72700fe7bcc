package main

import (
	"errors"
	"fmt"
)

// A function that defers a call to itself, a deferred method call on an interface whose
// value is nil (it panics at the defer statement, so nothing after it is pushed), a value
// receiver and a struct argument copied at the defer, and a deferred call through a slice
// element next to a defer in a loop.

func self(n int) {
	if n > 0 {
		defer self(n - 1)
	}
	fmt.Println("self", n)
}

type T struct{ a, b, c string }

func (t T) show(x T) { fmt.Println(t, x) }

func g(err error) (s string) {
	defer func() { s += fmt.Sprint(recover()) }()
	defer err.Error()
	t := T{"a", "b", "c"}
	defer t.show(t)
	t.a = "A"
	defer t.show(T{})
	return "g:"
}

func h(fs []func(int)) {
	for i, fn := range fs {
		if i == 1 {
			defer fn(i)
		}
	}
	defer fs[0](0)
}

func main() {
	self(3)
	fmt.Println(g(errors.New("e")))
	fmt.Println(g(nil))
	h([]func(int){func(i int) { fmt.Println("fs", i) }, func(i int) { fmt.Println("fs", i) }})
}
