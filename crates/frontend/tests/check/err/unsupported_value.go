package main

import "fmt"

func main() {
	f := fmt.Sprint
	fmt.Fprintln(nil, f(1))
}
