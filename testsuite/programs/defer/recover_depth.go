package main

import "fmt"

// Recovering at every depth. In Go a recover stops the panic only when the function
// calling it was called directly as a deferred call of that panic; the wrapper of a
// deferred `recover()` does not count, so `defer recover()` stops the panic when the
// function that defers it is such a call. Each shape returns what the outermost
// deferred closure then recovers: nil when the inner recover stopped the panic.

type T struct{ n int }

func (t T) deferRecover() { defer recover() }

func (t *T) deferRecoverPtr() { defer recover() }

func helper() any { return recover() }

func deferRecover() { defer recover() }

func deferRecoverTwice() {
	defer recover()
	defer recover()
}

func callsDeferRecover() { deferRecover() }

func defersDeferRecover() { defer deferRecover() }

func defersRecoveringClosure() {
	defer func() { fmt.Println("  closure deferred by a deferred function gets:", recover()) }()
}

func deferRecoverInLoop() {
	for i := 0; i < 2; i++ {
		defer recover()
	}
}

func deferRecoverThenPanic() {
	defer recover()
	panic("second")
}

func deferRecoverAfterInnerRecovery() {
	defer recover()
	defer func() { fmt.Println("  inner panic recovered first:", recover()) }()
	panic("inner")
}

func directClosure() (r any) {
	defer func() { r = recover() }()
	defer func() { fmt.Println("  directly deferred closure gets:", recover()) }()
	panic("direct")
}

func helperOfDeferred() (r any) {
	defer func() { r = recover() }()
	defer func() { fmt.Println("  helper of a deferred closure gets:", helper()) }()
	panic("helper")
}

func deferRecoverInPanicking() (r any) {
	defer func() { r = recover() }()
	defer recover()
	panic("in the panicking function")
}

func deferRecoverInClosure() (r any) {
	defer func() { r = recover() }()
	defer func() { defer recover() }()
	panic("B")
}

func deferRecoverInNamed() (r any) {
	defer func() { r = recover() }()
	defer deferRecover()
	panic("named")
}

func deferRecoverTwiceInNamed() (r any) {
	defer func() { r = recover() }()
	defer deferRecoverTwice()
	panic("twice")
}

func deferRecoverInMethod() (r any) {
	defer func() { r = recover() }()
	t := T{1}
	defer t.deferRecover()
	panic("method")
}

func deferRecoverInPtrMethod() (r any) {
	defer func() { r = recover() }()
	t := &T{2}
	defer t.deferRecoverPtr()
	panic("pointer method")
}

func deferRecoverInMethodValue() (r any) {
	defer func() { r = recover() }()
	t := T{3}
	f := t.deferRecover
	defer f()
	panic("method value")
}

func deferRecoverInFuncValue() (r any) {
	defer func() { r = recover() }()
	f := deferRecover
	defer f()
	panic("func value")
}

func closureInDeferredClosure() (r any) {
	defer func() { r = recover() }()
	defer func() {
		defer func() { fmt.Println("  closure deferred by a deferred closure gets:", recover()) }()
	}()
	panic("closure in closure")
}

func closureInDeferredNamed() (r any) {
	defer func() { r = recover() }()
	defer defersRecoveringClosure()
	panic("closure in named")
}

func threeDeep() (r any) {
	defer func() { r = recover() }()
	defer func() {
		defer func() {
			defer recover()
		}()
	}()
	panic("three deep")
}

func threeDeepNamed() (r any) {
	defer func() { r = recover() }()
	defer func() { defer defersDeferRecover() }()
	panic("three deep named")
}

func deferredDefersNamed() (r any) {
	defer func() { r = recover() }()
	defer defersDeferRecover()
	panic("deferred defers named")
}

func calledNormallyFromDeferred() (r any) {
	defer func() { r = recover() }()
	defer func() { deferRecover() }()
	panic("called normally")
}

func calledNormallyFromNamed() (r any) {
	defer func() { r = recover() }()
	defer callsDeferRecover()
	panic("called normally by named")
}

func inLoop() (r any) {
	defer func() { r = recover() }()
	defer deferRecoverInLoop()
	panic("loop")
}

func deferredPanicsItself() (r any) {
	defer func() { r = recover() }()
	defer deferRecoverThenPanic()
	panic("first")
}

func afterInnerRecovery() (r any) {
	defer func() { r = recover() }()
	defer deferRecoverAfterInnerRecovery()
	panic("outer")
}

func runtimeError(i int) (r any) {
	defer func() { r = recover() }()
	defer func() { defer recover() }()
	s := []int{1, 2, 3}
	return s[i]
}

func divide(a, b int) (q int, r any) {
	defer func() { r = recover() }()
	defer deferRecover()
	q = -1
	q = a / b
	return q, nil
}

func noPanic() (r any) {
	defer func() { r = recover() }()
	defer func() { defer recover() }()
	defer deferRecover()
	return "no panic"
}

func main() {
	fmt.Println("directClosure:", directClosure())
	fmt.Println("helperOfDeferred:", helperOfDeferred())
	fmt.Println("deferRecoverInPanicking:", deferRecoverInPanicking())
	fmt.Println("deferRecoverInClosure:", deferRecoverInClosure())
	fmt.Println("deferRecoverInNamed:", deferRecoverInNamed())
	fmt.Println("deferRecoverTwiceInNamed:", deferRecoverTwiceInNamed())
	fmt.Println("deferRecoverInMethod:", deferRecoverInMethod())
	fmt.Println("deferRecoverInPtrMethod:", deferRecoverInPtrMethod())
	fmt.Println("deferRecoverInMethodValue:", deferRecoverInMethodValue())
	fmt.Println("deferRecoverInFuncValue:", deferRecoverInFuncValue())
	fmt.Println("closureInDeferredClosure:", closureInDeferredClosure())
	fmt.Println("closureInDeferredNamed:", closureInDeferredNamed())
	fmt.Println("threeDeep:", threeDeep())
	fmt.Println("threeDeepNamed:", threeDeepNamed())
	fmt.Println("deferredDefersNamed:", deferredDefersNamed())
	fmt.Println("calledNormallyFromDeferred:", calledNormallyFromDeferred())
	fmt.Println("calledNormallyFromNamed:", calledNormallyFromNamed())
	fmt.Println("inLoop:", inLoop())
	fmt.Println("deferredPanicsItself:", deferredPanicsItself())
	fmt.Println("afterInnerRecovery:", afterInnerRecovery())
	fmt.Println("runtimeError:", runtimeError(5))
	q, r := divide(7, 0)
	fmt.Println("divide:", q, r)
	fmt.Println("noPanic:", noPanic())
}
