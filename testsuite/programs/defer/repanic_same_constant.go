package main

import "fmt"

// gc boxes a constant converted to an interface in a read-only static shared by every
// equal constant, so the second panic("negative") raises the very value the first
// one did, and Go prints the chain as one "[recovered, repanicked]" line.

func must(n int) {
	if n < 0 {
		panic("negative")
	}
	fmt.Println("ok", n)
}

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		must(1)
		must(-1)
	}()
	must(-2)
}
