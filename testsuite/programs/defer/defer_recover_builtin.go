package main

import "fmt"

func f() {
	defer recover()
	fmt.Println("f: deferring recover() directly does not stop this panic")
	panic("still panicking")
}

func g() (ok bool) {
	defer func() {
		ok = recover() != nil
	}()
	f()
	return true
}

func main() {
	fmt.Println("g caught it:", g())
	defer recover()
	panic("uncaught despite defer recover()")
}
