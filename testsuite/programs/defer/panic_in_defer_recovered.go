package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r, "then panic b")
		panic("b")
	}()
	panic("a")
}
