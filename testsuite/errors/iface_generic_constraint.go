package main

import "fmt"

type Number interface {
	~int | ~int64
}

type Shower interface {
	Show() string
}

func main() {
	var s Shower
	fmt.Println(s == nil)
}
