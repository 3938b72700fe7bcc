package main

import (
	"errors"
	"fmt"
)

// A loop whose header's value (the chain of pending deferred calls) is read by the
// block that runs the deferred calls, which both a panic in the body and the loop's
// exit reach: loop rotation must leave it alone (it used to leave that read dangling,
// an internal compiler error). Found by difftest (seed 7013).

type T struct {
	n int
	s string
}

func (t *T) add(d int) int {
	fmt.Println("add", t.s, t.n, d)
	return t.n
}

func f0(p, n int) (r int) {
	v1 := r
	i := 0
	for i < n {
		i++
		if i%3 == 0 {
			panic(errors.New("third"))
		}
		t := T{n: p * 30, s: "t"}
		defer t.add(i)
	}
	fmt.Println("after the loop", v1)
	return max(r>>0, 28&r)
}

func main() {
	fmt.Println(f0(1, 1))
	fmt.Println(f0(2, 2))
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	fmt.Println(f0(3, 5))
}
