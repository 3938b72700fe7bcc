package main

import "fmt"

type A struct{ x int }

type C struct {
	A
}

func main() {
	var c C
	fmt.Println(c.A.y)
	fmt.Println(c.y)
}
