package main

import "fmt"

var log string

func step(k int) { log += fmt.Sprint(k, " ") }

// straight has exactly 9 defer statements, none in a loop.
func straight(base int) (total int) {
	x := base
	defer step(base + 1)
	defer step(base + 2)
	defer step(base + 3)
	defer func() { total += x; x++; step(-4) }()
	defer step(base + 5)
	defer step(base + 6)
	defer step(base + 7)
	defer func() { total += x; x++; step(-8) }()
	defer step(base + 9)
	x *= 2
	return x
}

func main() {
	fmt.Println(straight(0))
	fmt.Println(log)
	log = ""
	fmt.Println(straight(100))
	fmt.Println(log)
	sum := 0
	for i := range 50 {
		sum += straight(i)
	}
	fmt.Println("sum", sum, len(log))
}
