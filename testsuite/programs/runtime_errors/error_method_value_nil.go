package main

import "fmt"

func get() error { return nil }

func main() {
	defer fmt.Println("deferred runs")
	f := get().Error
	fmt.Println(f())
}
