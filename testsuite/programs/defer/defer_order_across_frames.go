package main

import "fmt"

func c() {
	defer fmt.Println("c1")
	defer fmt.Println("c2")
	panic("from c")
}

func b() {
	defer fmt.Println("b1")
	c()
	defer fmt.Println("b2 never registered")
}

func a() {
	defer func() {
		fmt.Println("a recovers:", recover())
	}()
	defer fmt.Println("a1")
	b()
}

func main() {
	defer fmt.Println("main end")
	a()
	fmt.Println("after a")
	func() {
		defer fmt.Println("anon 1")
		func() {
			defer fmt.Println("anon 2")
		}()
		defer fmt.Println("anon 3")
	}()
}
