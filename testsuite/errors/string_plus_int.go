package main

import "fmt"

func main() {
	s := "n = "
	n := 5
	fmt.Println(s + n)
}
