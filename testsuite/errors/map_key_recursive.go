package main

import "fmt"

type M map[M]int

type T map[string]T

func main() {
	t := T{"a": T{"b": nil}}
	fmt.Println(t, len(t["a"]))
	var m M
	fmt.Println(len(m))
}
