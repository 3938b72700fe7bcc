package main

import "fmt"

type acc struct{ n int }

func (a *acc) add(x int) { a.n += x }

func apply(f func(int), x int) { f(x) }

func main() {
	a := &acc{}
	f := a.add
	f(3)
	apply(a.add, 4)
	defer a.add(2)
	fmt.Println(a.n)
}
