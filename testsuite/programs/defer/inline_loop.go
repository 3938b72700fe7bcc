// Functions that defer, inlined into loops (their defers run at the end of every
// inlined body, once per iteration), and functions that defer inside their own loops.
package main

import "fmt"

var log []int

func record(x int) { log = append(log, x) }

func step(i int) int {
	defer record(i)
	return i * i
}

func maybe(i int) int {
	if i%2 == 0 {
		defer record(100 + i)
	}
	defer record(-i)
	return i
}

func loopDefers(n int) (sum int) {
	for i := 0; i < n; i++ {
		defer func() { sum += i }()
	}
	return 0
}

func bail(i int) (r int) {
	defer func() {
		if recover() != nil {
			r = -i
		}
	}()
	if i == 2 {
		var s []int
		return s[i]
	}
	return i
}

func main() {
	total := 0
	for i := 0; i < 4; i++ {
		total += step(i)
	}
	fmt.Println(total, log)
	log = nil
	for i := 0; i < 5; i++ {
		total += maybe(i)
	}
	fmt.Println(total, log)
	for n := 0; n < 4; n++ {
		fmt.Print(loopDefers(n), " ")
	}
	fmt.Println()
	for i := 0; i < 4; i++ {
		fmt.Print(bail(i), " ")
	}
	fmt.Println()
}
