package main

import "fmt"

func main() {
	f := func(a int) (int, string, int) {
		fmt.Println("deferred", a)
		return a, "x", a * 2
	}
	defer f(7)
	g := func() (string, string, string) { return "a", "b", "c" }
	defer g()
	fmt.Println("body")
}
