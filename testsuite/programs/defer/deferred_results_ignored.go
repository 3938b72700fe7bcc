package main

import "fmt"

func pair(a int) (int, string) {
	fmt.Println("pair called with", a)
	return a * 2, "ignored"
}

func main() {
	x := 3
	defer pair(x)
	defer fmt.Sprintf("never shown %d", x)
	defer func() int { fmt.Println("closure returning int"); return 1 }()
	x = 4
	fmt.Println("body", x)
}
