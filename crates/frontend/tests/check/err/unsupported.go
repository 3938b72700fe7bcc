package main

import "fmt"

func main() {
	x := 1
	ch := make(chan int)
	fmt.Println(ch, fmt.Sprint)
	fmt.Fprintln(nil, x)
}
