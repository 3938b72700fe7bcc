package main

import (
	"errors"
	"fmt"
)

func f(a int) {}

func main() {
	xs := []int{1}
	f(xs...)
	fmt.Println(xs...)
	ss := []string{"a"}
	_ = errors.New(ss...)
	fmt.Printf("%d", 1, xs...)
}
