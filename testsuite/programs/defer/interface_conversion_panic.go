package main

import "fmt"

func main() {
	var v any = "hello"
	fmt.Println("about to assert a string to int")
	n := v.(int)
	fmt.Println(n)
}
