package main

import "fmt"

func main() {
	s := []int{10, 20, 30}
	sum := 0
	for i := 0; i <= 5; i++ {
		fmt.Println("reading index", i)
		sum += s[i]
		fmt.Println("sum", sum)
	}
}
