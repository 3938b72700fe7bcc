package main

import "fmt"

var x = "package"

func show() string { return x }

func main() {
	fmt.Println(x, show())
	x := "main"
	fmt.Println(x, show())
	{
		x := "block"
		fmt.Println(x)
		{
			x = "modified block"
			y := x + "!"
			fmt.Println(y)
		}
		fmt.Println(x)
	}
	fmt.Println(x)
	for x := 0; x < 2; x++ {
		fmt.Println("loop", x)
	}
	if x := 3; x > 2 {
		x := x * 10
		fmt.Println("if", x)
	}
	switch x := true; x {
	case true:
		x := "case"
		fmt.Println(x)
	}
	a, b := 1, 2
	{
		a, c := 10, 20
		b = a + c
		fmt.Println(a, b, c)
	}
	fmt.Println(a, b)
	f := func(x int) int {
		return x * 2
	}
	fmt.Println(f(21), x)
	fmt := 3
	_ = fmt
	println(fmt)
}
