package main

import "fmt"

func main() {
	var v any = 42
	fmt.Println(v.(int))
	fmt.Println(v.(string))
}
