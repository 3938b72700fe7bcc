// defer.recover: recover() in a function that never runs as a deferred call always
// returns nil, such as a helper a deferred closure calls.
// defer.directrecover: `defer recover()` stops no panic unless the function deferring
// it is itself running as a deferred call.
// The clean shapes: recover() in the deferred closure, in a deferred named function,
// in a function used as a value (it may be deferred), and `defer recover()` in a
// deferred closure.
package main

import "fmt"

func logRecovered() {
	if r := recover(); r != nil { // want `recover\(\) always returns nil here: logRecovered is never deferred directly \(it is called by main.func1\)`
		fmt.Println("recovered:", r)
	}
}

func handle() {
	fmt.Println("handled:", recover())
}

type guard struct{ name string }

func (g *guard) catch() {
	if r := recover(); r != nil {
		fmt.Println(g.name, "caught:", r)
	}
}

func viaValue() func() {
	return func() { recover() }
}

func direct() {
	defer recover() // want `defer recover\(\) stops no panic`
	panic("direct")
}

func nested() {
	defer func() {
		defer recover()
	}()
	panic("nested")
}

func deferredHelper() {
	defer handle()
	panic("helper")
}

func deferredMethod() {
	g := &guard{name: "g"}
	defer g.catch()
	panic("method")
}

func deferredValue() {
	defer viaValue()()
	panic("value")
}

func outer() {
	defer func() {
		r := recover()
		fmt.Println("outer:", r)
	}()
	direct()
}

func main() {
	defer func() { logRecovered() }()
	nested()
	deferredHelper()
	deferredMethod()
	deferredValue()
	outer()
	fmt.Println(recover()) // want `recover\(\) always returns nil here: main is not a deferred call`
}
