package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("never printed")
	defer func() {
		r := recover()
		fmt.Println("recovered", r, "and exiting 0 from a deferred call")
		os.Exit(0)
	}()
	defer fmt.Println("printed first")
	panic("to be swallowed")
}
