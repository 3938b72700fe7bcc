package main

import "fmt"

// After a `defer recover()` in a deferred function stops a panic: named results keep
// their values, a later panic starts afresh, and a `defer recover()` in a deferred
// function that panics itself stops nothing (the uncaught chain at the end).

func deferRecover() { defer recover() }

func namedResults() (n int, s string) {
	defer func() {
		n *= 2
		s += ", outer"
	}()
	defer func() {
		defer recover()
		n += 100
		s += ", inner"
	}()
	n, s = 5, "set"
	panic("named results")
}

func namedResultsNamed() (n int) {
	defer func() { n++ }()
	defer deferRecover()
	n = 41
	panic("named result, named function")
}

func repanicAfterRecovery() (r any) {
	defer func() { r = recover() }()
	defer func() { panic("after") }()
	defer deferRecover()
	panic("before")
}

func recoveredTwice() (r any) {
	defer func() { r = recover() }()
	defer deferRecover()
	defer func() { panic("second") }()
	defer deferRecover()
	panic("first")
}

func repanicSameValue() (r any) {
	defer func() { r = recover() }()
	defer func() {
		defer recover()
		panic(fmt.Sprint("again: ", recover()))
	}()
	panic("once")
}

func loop(n int) (count int) {
	for i := 0; i < n; i++ {
		func() {
			defer func() { defer recover() }()
			count++
			if i%2 == 0 {
				panic(i)
			}
		}()
	}
	return count
}

func main() {
	n, s := namedResults()
	fmt.Println("namedResults:", n, s)
	fmt.Println("namedResultsNamed:", namedResultsNamed())
	fmt.Println("repanicAfterRecovery:", repanicAfterRecovery())
	fmt.Println("recoveredTwice:", recoveredTwice())
	fmt.Println("repanicSameValue:", repanicSameValue())
	fmt.Println("loop:", loop(5))
	defer fmt.Println("main's deferred print runs")
	defer func() {
		defer recover()
		panic("two")
	}()
	panic("one")
}
