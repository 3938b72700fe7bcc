package main

func main() {
	var x any
	var n int = x
	var e error = x
	_, _ = n, e
}
