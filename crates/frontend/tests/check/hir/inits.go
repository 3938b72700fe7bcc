package main

import "fmt"

var total = a + b
var a = b * 2
var b = initB()
var counter int
var x, y = pair()
var f = func() int { return counter }

func initB() int {
	counter++
	return 7
}

func pair() (int, int) { return total, 2 }

func main() {
	fmt.Println(total, a, b, x, y, f())
}
