package main

import "fmt"

var x = 7

func init() {
	defer fmt.Println("deferred in init")
	fmt.Println("init", x)
	panic(fmt.Sprintf("bad init %d", x))
}

func main() {
	fmt.Println("unreachable")
}
