package main

import "fmt"

func compute(n int) (result int, status string) {
	defer func() {
		if r := recover(); r != nil {
			status = fmt.Sprint("recovered from ", r)
		}
	}()
	result = n * 10
	status = "partial"
	if n > 3 {
		panic(fmt.Sprint("n too big: ", n))
	}
	result++
	return result, "complete"
}

func unnamedAfterRecover() int {
	defer func() { recover() }()
	panic("x")
}

func partialAssign() (a, b int) {
	defer func() { recover() }()
	a = 1
	panic("after a")
}

func main() {
	for i := 2; i <= 5; i++ {
		fmt.Println(compute(i))
	}
	fmt.Println(unnamedAfterRecover())
	fmt.Println(partialAssign())
}
