package main

import "fmt"

func f(n int) int {
	defer println("f deferred println", n, n*2, true)
	n += 100
	return n
}

func main() {
	x := 7
	defer println("main deferred println, x =", x)
	x = 8
	defer println()
	defer println("a", "b", -3, uint8(200))
	fmt.Println(f(1))
	for i := range 3 {
		defer println("loop", i)
	}
	fmt.Println("x =", x)
}
