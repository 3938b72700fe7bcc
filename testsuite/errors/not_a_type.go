package main

import "fmt"

var g = 1

const c = 2

func f() {}

func main() {
	x := 1
	var a x
	var b g
	var d c
	var e f
	var h fmt
	var j nil
	var k true
	var l len
	_, _, _, _, _, _, _, _ = a, b, d, e, h, j, k, l
}
