package main

import (
	"errors"
	"fmt"
)

func divmod(a, b int) (int, int) { return a / b, a % b }

func two() (string, string) { return "a", "b" }

func parse(s string) (int, error) {
	if s == "" {
		return 0, errors.New("empty input")
	}
	return len(s), nil
}

// A multi-value call passed straight on to a deferred library call is evaluated at
// the defer statement and every one of its results is an operand.
func main() {
	x := 100
	defer fmt.Println(divmod(x, 7))
	defer fmt.Print(two())
	defer fmt.Println(parse(""))
	defer fmt.Println(parse("four"))
	defer fmt.Println(fmt.Sprint(two()), fmt.Sprintln(two()))
	x = 1
	fmt.Println("body, x =", x)
}
