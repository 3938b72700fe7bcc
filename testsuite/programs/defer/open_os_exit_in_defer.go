package main

import (
	"fmt"
	"os"
)

// os.Exit called by an open-coded deferred call while a panic unwinds: the calls
// deferred before it never run, the panic is never reported, the status is 5.

func work() {
	defer fmt.Println("pushed first: must not run")
	defer func() {
		fmt.Println("exiting from a deferred call")
		os.Exit(5)
	}()
	defer fmt.Println("pushed last: runs first")
	var p *struct{ x int }
	fmt.Println(p.x)
}

func main() {
	defer fmt.Println("main defer: must not run")
	work()
}
