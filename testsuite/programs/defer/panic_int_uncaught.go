package main

import "fmt"

func main() {
	total := 0
	for i := range 10 {
		total += i * i
	}
	fmt.Println("total", total)
	defer fmt.Println("deferred before panic(int)")
	panic(total)
}
