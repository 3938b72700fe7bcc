package main

import (
	"errors"
	"fmt"
)

type Item struct {
	Name string
	Qty  int
}

func main() {
	var v any = 10
	n := v.(int)
	fmt.Println(n + 1)
	s, ok := v.(string)
	fmt.Printf("%q %t\n", s, ok)
	b, ok := v.(bool)
	fmt.Println(b, ok)
	v = Item{"apple", 3}
	it := v.(Item)
	fmt.Println(it.Name, it.Qty)
	ip, ok := v.(*Item)
	fmt.Println(ip == nil, ok)
	v = &Item{"pear", 5}
	ip = v.(*Item)
	ip.Qty = 50
	fmt.Println(v.(*Item).Qty)
	var e error = errors.New("failure")
	v = e
	err, ok := v.(error)
	fmt.Println(err, ok)
	var nothing any
	_, ok = nothing.(int)
	fmt.Println(ok)
	_, ok = nothing.(error)
	fmt.Println(ok)
	v = "str"
	_, ok = v.(error)
	fmt.Println(ok)
	vals := []any{1, "two", 3, Item{"x", 1}, errors.New("e"), nil}
	ints, strs, others := 0, 0, 0
	for _, x := range vals {
		if _, ok := x.(int); ok {
			ints++
		} else if _, ok := x.(string); ok {
			strs++
		} else {
			others++
		}
	}
	fmt.Println(ints, strs, others)
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		fmt.Println("error text:", r.(error).Error())
	}()
	v = "not an int"
	fmt.Println(v.(int))
}
