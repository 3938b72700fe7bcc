package main

import "fmt"

type T struct{ a int }

func main() {
	var t T
	fmt.Println(t.b, q)
	t.Foo()
}
