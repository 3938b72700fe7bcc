// golang/go#73916: a function called (not deferred) by a deferred function must not
// recover, even when the compiler inlines it into the deferred function; the deferred
// function itself recovers, even with helpers inlined into it.
package main

import "fmt"

func tryRecover() {
	if r := recover(); r != nil {
		fmt.Println("helper recovered", r)
	}
}

func deferredCallsHelper(int) { tryRecover() }

func deferredLiteralHelper() int {
	func() {
		if recover() != nil {
			fmt.Println("literal recovered")
		}
	}()
	return 0
}

func deferredRecovers() {
	tryRecover()
	if r := recover(); r != nil {
		fmt.Println("deferred function recovered", r)
	}
}

func expectPanic(name string, f func()) {
	defer func() {
		fmt.Println(name, "still panicking:", recover())
	}()
	f()
}

func main() {
	expectPanic("helper", func() {
		defer deferredCallsHelper(1)
		panic("one")
	})
	expectPanic("literal", func() {
		defer deferredLiteralHelper()
		panic("two")
	})
	expectPanic("direct", func() {
		defer deferredRecovers()
		panic("three")
	})
	fmt.Println("done")
}
