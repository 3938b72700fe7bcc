package main

import "fmt"

func main() {
	defer func() {
		defer fmt.Println("inner-most defer of the outer deferred func")
		defer func() {
			fmt.Println("nested deferred recover:", recover())
		}()
		fmt.Println("outer deferred func body")
	}()
	defer func() {
		defer func() {
			r := recover()
			fmt.Println("inner defer sees panic 2:", r)
		}()
		panic("panic 2")
	}()
	fmt.Println("main body")
	panic("panic 1")
}
