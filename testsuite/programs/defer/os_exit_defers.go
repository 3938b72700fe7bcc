package main

import (
	"fmt"
	"os"
)

func work() {
	defer fmt.Println("work defer: must not run")
	fmt.Println("in work, exiting with 3")
	os.Exit(3)
}

func main() {
	defer fmt.Println("main defer: must not run")
	defer func() {
		recover()
		fmt.Println("recover defer: must not run")
	}()
	fmt.Println("start")
	println("stderr before exit")
	work()
	fmt.Println("unreachable")
}
