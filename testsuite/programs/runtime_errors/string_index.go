package main

import "fmt"

func main() {
	s := "hello"
	for i := 0; i < 10; i++ {
		fmt.Println(i, s[i])
	}
}
