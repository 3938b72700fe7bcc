package main

import "fmt"

func main() {
	defer fmt.Println("outer defer runs")
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		panic(r)
	}()
	fmt.Println("about to panic")
	panic("original problem")
}
