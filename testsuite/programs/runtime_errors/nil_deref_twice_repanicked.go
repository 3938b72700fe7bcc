package main

import "fmt"

type V struct{ A int }

func (v V) Error() string { return "v" }

func main() {
	defer func() {
		r := recover()
		fmt.Println(r)
		err := r.(error)
		fmt.Println(err.Error())
		var vp *V
		var e error = vp
		fmt.Println(e.Error())
	}()
	var vp *V
	var e error = vp
	fmt.Println(e)
	fmt.Println(e.Error())
}
