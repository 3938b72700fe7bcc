package main

import "fmt"

var order []string

var total = compute()

func compute() int {
	order = append(order, "var total")
	return 42
}

func init() {
	order = append(order, "init 1")
	fmt.Println("first init sees total =", total)
}

func init() {
	defer func() {
		r := recover()
		fmt.Println("second init recovered:", r)
		order = append(order, "init 2")
	}()
	var s []int
	_ = s[3]
}

type T struct{ n int }

// A method named init is an ordinary method.
func (t T) init() int { return t.n + 1 }

func init() {
	f := func() string { return "closure in init" }
	fmt.Println(f(), T{n: 1}.init())
	order = append(order, "init 3")
}

func main() {
	order = append(order, "main")
	fmt.Println(order)
}
