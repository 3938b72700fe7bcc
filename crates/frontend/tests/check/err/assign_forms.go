package main

import "fmt"

func f() (int, error) { return 0, nil }

func main() {
	a, b, c := f()
	x := 1
	x, y := 2
	"s"[0] = 1
	fmt.Println(a, b, c, x, y)
	_ = nil
}
