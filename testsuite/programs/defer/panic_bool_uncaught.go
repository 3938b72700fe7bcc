package main

import "fmt"

func main() {
	fmt.Println("panicking with a bool after defers")
	defer func() {
		panic(false)
	}()
	panic(true)
}
