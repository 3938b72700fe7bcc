package main

import "fmt"

var depth int

//go:noinline
func recurse(n int) int {
	a, b, c, d := n*3, n*5, n*7, n*11
	e, f, g, h := a+1, b+2, c+3, d+4
	i, j, k, l := e*2, f*2, g*2, h*2
	m, o, p, q := i+a, j+b, k+c, l+d
	depth++
	r := recurse(n + 1)
	return r + a + b + c + d + e + f + g + h + i + j + k + l + m + o + p + q
}

func main() {
	defer fmt.Println("deferred calls do not run after a fatal error")
	defer func() {
		fmt.Println("recover cannot catch it:", recover())
	}()
	fmt.Println("recursing forever")
	fmt.Println(recurse(0))
}
