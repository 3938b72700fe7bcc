package main

import "fmt"

func main() {
	var i8 int8
	var f = 1.5
	m := map[string]int{}
	ch := make(chan int)
	fmt.Println(i8, f, m, ch, fmt.Sprint)
	fmt.Fprintln(nil, 1)
}
