package main

import (
	"errors"
	"fmt"
)

// `defer err.Error()` evaluates the method value err.Error at the defer statement:
// a nil error panics there, before the rest of the function runs.
func deferNil() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var err error
	defer err.Error()
	fmt.Println("not reached")
}

// A non-nil error is bound at the defer; reassigning err later changes nothing.
func deferBound() {
	err := errors.New("first")
	defer fmt.Println("deferred Println of", err.Error())
	defer err.Error()
	err = nil
	fmt.Println("body ran, err is", err)
}

func main() {
	deferNil()
	deferBound()
	var err error
	defer fmt.Println("main's deferred call runs")
	defer err.Error()
}
