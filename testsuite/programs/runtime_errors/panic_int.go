package main

import "fmt"

func main() {
	code := 0
	for i := 1; i <= 6; i++ {
		code = code*10 + i
	}
	fmt.Println("code", code)
	panic(code)
}
