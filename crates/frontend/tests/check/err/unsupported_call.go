package main

import "fmt"

func main() {
	fmt.Fprintln(nil, 1)
}
