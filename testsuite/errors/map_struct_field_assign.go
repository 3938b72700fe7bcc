package main

import "fmt"

type T struct{ f int }

func main() {
	m := map[string]T{"k": {1}}
	m["k"].f = 2
	fmt.Println(m)
}
