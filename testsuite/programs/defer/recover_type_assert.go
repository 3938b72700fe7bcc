package main

import (
	"errors"
	"fmt"
)

type T struct{ A int }

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Println(name, "->", r)
		if e, ok := r.(error); ok {
			fmt.Println("  as error:", e.Error())
		}
	}()
	f()
}

func main() {
	var a any = "text"
	try("string to int", func() { fmt.Println(a.(int)) })
	var n any
	try("nil to int", func() { fmt.Println(n.(int)) })
	try("nil to string", func() { fmt.Println(n.(string)) })
	var t any = T{1}
	try("T to *T", func() { fmt.Println(t.(*T)) })
	try("T to T", func() { fmt.Println(t.(T)) })
	var e error = errors.New("oops")
	var ae any = e
	try("error to string", func() { fmt.Println(ae.(string)) })
	try("int to error", func() { fmt.Println(t.(error)) })
	try("int64 to int", func() {
		var v any = int64(5)
		fmt.Println(v.(int))
	})
	try("slice", func() {
		var v any = []int{1}
		fmt.Println(v.([]string))
	})
	try("ok form never panics", func() {
		v, ok := a.(int)
		fmt.Println(v, ok)
	})
}
