package main

import "fmt"

type Named interface {
	Name() string
	Close() error
}

type T int

func (T) Close() error { return nil }

func main() {
	var n Named = T(1)
	fmt.Println(n)
}
