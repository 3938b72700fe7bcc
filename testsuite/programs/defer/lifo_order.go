package main

import "fmt"

func three() {
	defer fmt.Println("first deferred, runs last")
	defer fmt.Println("second deferred")
	defer fmt.Println("third deferred, runs first")
	fmt.Println("body of three")
}

func nested() {
	defer fmt.Println("nested: outer defer")
	func() {
		defer fmt.Println("nested: inner defer")
		fmt.Println("nested: inner body")
	}()
	fmt.Println("nested: outer body")
}

func conditional(n int) {
	if n > 0 {
		defer fmt.Println("cond: n > 0")
	}
	if n > 5 {
		defer fmt.Println("cond: n > 5")
	}
	if n%2 == 0 {
		defer fmt.Println("cond: even")
	}
	fmt.Println("cond body", n)
}

func main() {
	defer fmt.Println("main's defer runs at the very end")
	three()
	nested()
	for _, n := range []int{-1, 2, 7, 8} {
		conditional(n)
	}
	fmt.Println("main body done")
}
