package main

import (
	"fmt"
	"os"
)

// os.Exit with open-coded defers pending in three frames, some conditional, one of them
// a recovering closure: the exit status is the one given and no deferred call prints.

func leaf(code int) {
	defer fmt.Println("leaf defer: must not run", code)
	if code > 0 {
		defer fmt.Println("leaf conditional defer: must not run")
	}
	fmt.Println("leaf exiting with", code)
	os.Exit(code)
	defer fmt.Println("never pushed")
}

func middle(k int) int {
	defer func() {
		recover()
		fmt.Println("middle recover: must not run")
	}()
	if k%2 == 1 {
		defer println("middle odd: must not run")
	}
	defer fmt.Println("middle defer: must not run", k)
	leaf(k + 4)
	return k
}

func main() {
	defer fmt.Println("main defer: must not run")
	fmt.Println("start")
	for i := range 3 {
		fmt.Println("round", i)
		if i == 2 {
			middle(3)
		}
	}
	fmt.Println("unreachable")
}
