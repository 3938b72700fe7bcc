package main

import "fmt"

func main() {
	var v any = "not an error"
	err := v.(error)
	fmt.Println(err)
}
