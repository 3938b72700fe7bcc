package main

import "fmt"

func normal() {
	defer func() {
		fmt.Println("deferred recover without panic:", recover())
	}()
	fmt.Println("direct recover:", recover())
}

func main() {
	normal()
	r := recover()
	fmt.Println(r == nil)
	f := func() any { return recover() }
	fmt.Println(f())
	fmt.Println("done")
}
