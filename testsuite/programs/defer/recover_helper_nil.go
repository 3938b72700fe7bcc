package main

import "fmt"

func helper() any {
	return recover()
}

func tryHelper() {
	defer func() {
		r := helper()
		fmt.Println("helper returned", r)
	}()
	panic("not recovered by helper")
}

func main() {
	defer fmt.Println("main's deferred print still runs")
	fmt.Println("helper outside panic:", helper())
	tryHelper()
	fmt.Println("unreachable")
}
