package main

import "fmt"

type E struct{}

func (e *E) Error() string { return "e" }

type V struct{}

func main() {
	var err error = E{}
	var v error = V{}
	var ok error = &E{}
	fmt.Println(err, v, ok)
	if _, is := ok.(V); is {
	}
}
