package main

import (
	"errors"
	"fmt"
)

type S string

func g() (int, int)             { return 1, 2 }
func a() ([]int, string)        { return nil, "" }
func b() (int, int64)           { return 1, 2 }
func c() (S, int)               { return "", 1 }
func e() ([]int, []string)      { return nil, nil }
func f3() ([]int, []int, []int) { return nil, nil, nil }
func two() ([]int, []int)       { return nil, nil }
func n()                        {}
func str() (string, int)        { return "", 1 }

func main() {
	fmt.Printf(g())
	_ = append(a())
	_ = min(b())
	fmt.Printf(c())
	_ = copy(e())
	_ = copy(f3())
	_ = len(g())
	_ = errors.New(str())
	_ = append(two()...)
}
