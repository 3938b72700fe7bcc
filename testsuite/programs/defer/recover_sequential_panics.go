package main

import "fmt"

// Nested and sequential panics with `defer recover()` at either end of a deferred
// function, the shapes of Go's test/recover1.go (test1 to test7), printed.

func mustRecover(want int) {
	mustNotRecover() // a call from the deferred function: recovers nothing
	v := recover()
	fmt.Println("  recovered", v, "want", want)
}

func mustNotRecover() {
	if v := recover(); v != nil {
		fmt.Println("  recovered unexpectedly:", v)
	}
}

func nested() {
	defer mustRecover(1)
	defer func() {
		defer mustRecover(2)
		panic(2)
	}()
	panic(1)
}

func sequential() {
	defer mustNotRecover()
	defer func() {
		fmt.Println("  first recover:", recover())
		defer mustRecover(3)
		panic(3)
	}()
	panic(2)
}

func single() {
	defer mustNotRecover()
	defer func() { recover() }()
	panic(4)
}

func singleDeferred() {
	defer mustNotRecover()
	defer func() { defer recover() }()
	panic(5)
}

func sequentialDeferred() {
	// The `defer recover()` runs last, after mustRecover stopped panic 3: it stops 2.
	defer mustNotRecover()
	defer func() {
		defer recover()
		defer mustRecover(3)
		panic(3)
	}()
	panic(2)
}

func swapped() {
	// The `defer recover()` runs first, while panic 3 propagates: a no-op.
	defer mustRecover(2)
	defer func() {
		defer mustRecover(3)
		defer recover()
		panic(3)
	}()
	panic(2)
}

func main() {
	for i, f := range []func(){nested, sequential, single, singleDeferred, sequentialDeferred, swapped} {
		fmt.Println("test", i+1)
		f()
	}
	fmt.Println("done")
}
