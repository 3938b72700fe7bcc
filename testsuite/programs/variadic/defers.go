package main

import (
	"errors"
	"fmt"
)

func show(tag string, xs ...int) {
	fmt.Println(tag, len(xs), xs)
}

func report(args ...any) {
	r := recover()
	fmt.Println("report", args, "recovered:", r)
}

func pick(i int, xs ...int) int {
	return xs[i]
}

// The slice of a deferred variadic call is built at the defer statement.
func built() {
	x := 1
	defer show("built", x, x+1, x+2)
	x = 100
	s := []int{1, 2, 3}
	// s... passes the slice itself: the deferred call sees later writes.
	defer show("spread", s...)
	s[0] = 42
	s = append(s, 4)
	defer show("none")
	fmt.Println("built body", x, s)
}

// A deferred variadic call with ...any recovers: it is directly deferred.
func recovers() (err error) {
	defer report("a", 1, nil)
	defer func(xs ...int) {
		if r := recover(); r != nil {
			err = fmt.Errorf("caught %v with %v", r, xs)
		}
	}(7, 8)
	panic(errors.New("boom"))
}

func outOfRange() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		if e, ok := r.(error); ok {
			fmt.Println("error:", e.Error())
		}
	}()
	fmt.Println(pick(1, 10, 20, 30))
	fmt.Println(pick(5, 10, 20, 30))
}

// A deferred closure captures the variadic parameter by reference.
func closure(xs ...string) {
	defer func() {
		fmt.Println("closure sees", xs)
	}()
	xs = append(xs, "late")
	xs[0] = "first"
}

type logger struct{ lines []string }

func (l *logger) logf(format string, args ...any) {
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func methods() (l *logger) {
	l = &logger{}
	defer l.logf("deferred %d %s", 1, "one")
	for i := 0; i < 3; i++ {
		defer l.logf("loop %d", i)
	}
	l.logf("body")
	return l
}

func main() {
	built()
	fmt.Println("recovers:", recovers())
	outOfRange()
	closure("a", "b")
	closure("c")
	fmt.Println(methods().lines)
	defer show("main", 9)
	defer func(xs ...any) {
		fmt.Println("last", xs, recover())
	}("x", 2)
	panic(fmt.Sprint("end", []int{1}))
}
