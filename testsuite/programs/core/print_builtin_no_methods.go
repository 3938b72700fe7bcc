// The print and println builtins never call a value's Error or String method:
// Go prints the value itself (addresses for pointers and interfaces).
package main

import "fmt"

type loud struct{ n int }

func (l *loud) Error() string {
	fmt.Println("Error called")
	return "loud"
}

type num int

func (n num) Error() string {
	fmt.Println("num Error called")
	return "num"
}

type label string

func (l label) String() string {
	fmt.Println("String called")
	return "label"
}

func main() {
	println(label("plain"), label("x") == "x")
	var e error = &loud{n: 1}
	println(e != nil)
	print(e == nil, "\n")
	l := &loud{}
	println(l != nil)
	println(num(3))
	var x any = num(4)
	_ = x
	println(x != nil)
	var ee error = num(5)
	println(ee == nil)
	defer println(num(6))
}
