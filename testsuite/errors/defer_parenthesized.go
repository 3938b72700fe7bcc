package main

import "fmt"

type T struct{}

func (T) M() {}

func main() {
	var t T
	x := 1
	defer (fmt.Println("x"))
	defer (recover())
	defer (panic(1))
	defer (t.M())
	defer (func() {}())
	defer ((fmt.Println("y")))
	defer (x)
}
