package main

import "fmt"

type T struct{ N int }

func (t *T) Inc() { t.N++ }

func main() {
	T{1}.Inc()
	fmt.Println("x")
}
