package main

import "fmt"

func g() (int, int)       { return 1, 2 }
func two() ([]int, []int) { return nil, nil }
func three() ([]int, int) { return nil, 1 }
func n()                  {}

func main() {
	_ = append(g())
	copy(g())
	panic(g())
	_ = cap(two())
	_ = new(two())
	_ = max(two())
	recover(three())
	_ = append(n())
	_ = fmt.Sprintf(n())
}
