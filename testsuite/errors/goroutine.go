package main

import "fmt"

func main() {
	done := false
	go fmt.Println("in a goroutine")
	fmt.Println(done)
}
