package main

import "fmt"

func main() {
	var f float64
	fmt.Println(f)
}
