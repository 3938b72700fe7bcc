package main

import (
	"errors"
	"fmt"
)

type key struct {
	name string
	n    int
}

func try(label string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			fmt.Printf("%s: %T %v\n", label, r, err)
			return
		}
		fmt.Println(label+":", r)
	}()
	f()
}

func main() {
	m := map[any]int{}
	m[1] = 1
	m[int64(1)] = 2
	m["1"] = 3
	m[key{"a", 1}] = 4
	m[key{"a", 1}] += 10
	m[nil] = 5
	m[true] = 6
	fmt.Println(len(m), m[1], m[int64(1)], m["1"], m[key{"a", 1}], m[nil], m[true], m[false])

	errA := errors.New("a")
	errB := errors.New("a")
	byErr := map[error]string{errA: "first", errB: "second"}
	fmt.Println(len(byErr), byErr[errA], byErr[errB])

	x, y := 1, 1
	byPtr := map[*int]string{&x: "x", &y: "y"}
	fmt.Println(len(byPtr), byPtr[&x], byPtr[&y])

	strs := map[any]int{"b": 2, "a": 1, "c": 3}
	fmt.Println(strs)

	try("insert slice", func() { m[[]int{1}] = 1 })
	try("lookup slice in non-empty", func() { _ = m[[]int{1}] })
	try("lookup slice in empty", func() { _ = map[any]int{}[[]int{1}] })
	try("delete from nil", func() {
		var nm map[any]bool
		delete(nm, []int{})
	})
	try("lookup func", func() { _ = m[func() {}] })
	try("struct with slice", func() {
		type holder struct{ v any }
		hm := map[holder]int{{1}: 1}
		hm[holder{[]string{"x"}}] = 2
	})
	try("map key", func() { m[map[int]int{}] = 1 })
	try("compare maps in interfaces", func() {
		var a, b any = map[int]int{}, map[int]int{}
		fmt.Println(a == b)
	})
	fmt.Println(len(m))
}
