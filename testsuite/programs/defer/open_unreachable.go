package main

import "fmt"

// Defer statements that control never reaches (after a return, a panic, an endless
// loop) next to reachable open-coded ones: they are never pushed, so they never run,
// whatever their blocks look like to a dominance-based choice of strategy.

func afterReturn(k int) (r int) {
	defer fmt.Println("first", k)
	if k > 0 {
		return k
	}
	return -k
	defer fmt.Println("unreachable defer", k)
	return 0
}

func afterPanic() (r any) {
	defer func() { r = recover() }()
	defer fmt.Println("pushed")
	panic("p")
	defer fmt.Println("unreachable after panic")
	return nil
}

func afterInfinite(k int) int {
	defer fmt.Println("before loop", k)
	for {
		k++
		if k > 3 {
			return k
		}
	}
	defer fmt.Println("unreachable after for", k)
	return 0
}

func main() {
	fmt.Println(afterReturn(2))
	fmt.Println(afterReturn(-3))
	fmt.Println(afterPanic())
	fmt.Println(afterInfinite(0))
}
