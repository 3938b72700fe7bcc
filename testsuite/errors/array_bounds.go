package main

import "fmt"

func main() {
	var a [3]int
	a[5] = 1
	fmt.Println(a[-1])
	b := [2]int{1, 2, 3}
	c := [5]int{7: 1}
	var d [...]int
	e := [2][]int{}
	fmt.Println(e == e)
	n := 3
	var f [n]int
	fmt.Println(b, c, d, f, a[1:5])
}
