package main

import "fmt"

func two() (int, int) { return 1, 2 }

func main() {
	var a int32 = 1
	var b int = 2
	fmt.Println(a + b)
	x := two()
	var s string = 5
	fmt.Println(x, s)
}
