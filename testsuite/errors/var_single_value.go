package main

func g() (int, int) { return 1, 2 }
func h()            {}

var p = g()

func main() {
	var x int = g()
	var y = g()
	var z = h()
	a := g()
	var b, c = g()
	_, _, _, _, _, _ = x, y, z, a, b, c
}
