package main

func main() {
	var e error
	var i any
	_ = e + 1
	_ = 1 + i
	_ = i + i
}
