package main

import "fmt"

func main() {
	x := 1
	ch := make(chan int, 1)
	select {
	case ch <- x:
		fmt.Println("sent")
	default:
	}
}
