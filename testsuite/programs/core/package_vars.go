package main

import "fmt"

var total = a + b + c
var a = b * 2
var b = initB()
var c = len(greeting)
var greeting = "hello " + name
var name = "gopher"
var counter int
var list = makeList(5)
var derived = list[2] * 10
var uninit []string
var flag bool

func initB() int {
	counter++
	fmt.Println("initB called, counter =", counter)
	return 7
}

func makeList(n int) []int {
	fmt.Println("makeList called")
	out := make([]int, n)
	for i := range out {
		out[i] = i * i
	}
	return out
}

func bump() int {
	counter += 100
	return counter
}

func main() {
	fmt.Println(total, a, b, c)
	fmt.Println(greeting, name)
	fmt.Println(counter, list, derived)
	fmt.Println(uninit == nil, flag)
	fmt.Println(bump())
	fmt.Println(bump())
	name = "changed"
	fmt.Println(greeting)
	uninit = append(uninit, "x")
	fmt.Println(uninit)
}
