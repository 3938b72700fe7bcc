package main

import "fmt"

func main() {
	var i8 complex64
	var f = 1.5i
	m := map[string]int{}
	ch := make(chan int)
	fmt.Println(i8, f, m, ch, fmt.Sprint)
	fmt.Fprintln(nil, 1)
}
