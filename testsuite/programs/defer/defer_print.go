package main

import "fmt"

func main() {
	s := "first"
	defer print("\n")
	defer print(s, "|", 42, "|", false)
	s = "second"
	defer print("[", s, "]")
	for i := 0; i < 4; i++ {
		defer print(i, " ")
	}
	fmt.Println("stdout only", s)
}
