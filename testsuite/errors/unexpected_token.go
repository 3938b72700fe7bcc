package main

import "fmt"

func main() {
	x := 5 3
	fmt.Println(x)
}
