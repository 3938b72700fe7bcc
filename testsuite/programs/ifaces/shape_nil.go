package main

import "fmt"

type Shape interface {
	Area() int
}

func main() {
	var s Shape
	fmt.Println(s == nil)
}
