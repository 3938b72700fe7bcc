package main

import "fmt"

func main() {
	n := 0
	for i := range "hello" {
		n += i
	}
	fmt.Println(n)
}
