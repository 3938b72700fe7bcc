package main

import "fmt"

func main() {
	s := "short"
	for n := 3; n < 10; n += 2 {
		fmt.Println(n, s[:n])
	}
}
