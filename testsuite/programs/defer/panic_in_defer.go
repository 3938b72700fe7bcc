package main

import "fmt"

func main() {
	defer fmt.Println("first deferred print runs")
	defer func() {
		panic("second panic from defer")
	}()
	defer fmt.Println("deferred print before the second panic")
	fmt.Println("start")
	panic("first panic")
}
