package main

import "fmt"

func show(label string, v int) {
	fmt.Println(label, v)
}

func get(label string, v int) int {
	fmt.Println("evaluating", label)
	return v
}

func sliceArg(s []int) {
	fmt.Println("slice at run time:", s)
}

func main() {
	x := 1
	defer show("x at defer time", x)
	defer fmt.Println("println sees", x, x*10)
	x = 2
	defer show("x later", x)
	defer show("computed now", get("arg", x*100))
	x = 3
	s := []int{1, 2, 3}
	defer sliceArg(s)
	s[0] = 100
	s = append(s, 4)
	p := &x
	defer show("deref at defer time", *p)
	*p = 4
	str := "before"
	defer fmt.Println("string:", str)
	str = "after"
	fmt.Println("end of main, x =", x, "str =", str)
}
