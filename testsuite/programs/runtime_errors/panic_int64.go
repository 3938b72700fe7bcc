package main

import "fmt"

func main() {
	var v int64 = -9223372036854775808
	fmt.Println("panicking with", v)
	panic(v)
}
