package main

import "fmt"

var trail []int

func descend(n, limit int) (depth int) {
	defer func() {
		trail = append(trail, n)
		if n == limit/2 {
			if r := recover(); r != nil {
				fmt.Println("recovered at level", n, ":", r)
				depth = -n
			}
		}
	}()
	if n == limit {
		panic(fmt.Sprint("bottom reached at ", n))
	}
	return descend(n+1, limit) + 1
}

func sumDefer(n int) (s int) {
	if n == 0 {
		return 0
	}
	defer func() { s += n }()
	return sumDefer(n - 1)
}

func main() {
	fmt.Println(descend(0, 10))
	fmt.Println(trail)
	trail = nil
	fmt.Println(descend(0, 1))
	fmt.Println(trail)
	fmt.Println(sumDefer(100), sumDefer(5000))
}
