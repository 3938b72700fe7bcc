package main

import "fmt"

var log string

func step(k int) { log += fmt.Sprint(k, " ") }

// straight has exactly 17 defer statements, none in a loop.
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
	defer step(base + 10)
	defer step(base + 11)
	defer func() { total += x; x++; step(-12) }()
	defer step(base + 13)
	defer step(base + 14)
	defer step(base + 15)
	defer func() { total += x; x++; step(-16) }()
	defer step(base + 17)
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
