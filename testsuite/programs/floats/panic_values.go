package main

import "fmt"

type F float64

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		defer func() {
			fmt.Println(recover())
			var f F = -2.5
			panic(f)
		}()
		panic(float32(0.1))
	}()
	panic(1e21)
}
