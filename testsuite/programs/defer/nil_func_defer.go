package main

import "fmt"

func tryNil() (err any) {
	defer func() { err = recover() }()
	var f func()
	defer f()
	fmt.Println("defer of nil func did not panic yet")
	return "normal"
}

func main() {
	fmt.Println("recovered:", tryNil())
	var g func(int)
	defer fmt.Println("earlier defer still runs")
	defer g(5)
	fmt.Println("main body finished")
}
