package main

import "fmt"

func main() {
	p := struct {
		X int
		s string
	}{1, "a"}
	fmt.Printf("%v %+v %T\n", p, p, p)
	type T int
	var t T = 7
	type P struct{ A, B int }
	fmt.Printf("%v %T %v %T\n", t, t, P{1, 2}, &P{})
	x := "abc"[1:]
	var r rune = 0x1F600
	fmt.Println(x, string(r), string(rune(65)), len(string(r)))
	var e any = p
	fmt.Println(e == any(p))
}
