package main

import "fmt"

func main() {
	s := make([]int, 2, 4)
	fmt.Println(len(s[:4]), cap(s[:4]))
	hi := 7
	fmt.Println(s[:hi])
}
