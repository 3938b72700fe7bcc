package main

import "fmt"

func inner() (r any) {
	defer func() { r = recover() }()
	defer panic("deferred panic value")
	fmt.Println("inner body")
	return "unused"
}

func main() {
	fmt.Println("inner returned:", inner())
	v := 1
	defer fmt.Println("runs after the deferred panic starts")
	defer panic(v)
	v = 2
	fmt.Println("main body, v =", v)
}
