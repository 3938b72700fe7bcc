package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("third defer, recover:", recover())
	}()
	defer func() {
		r1 := recover()
		r2 := recover()
		fmt.Println("first recover:", r1, "second recover:", r2)
	}()
	defer func() {
		fmt.Println("this defer runs first; no recover here")
	}()
	panic("only once")
}
