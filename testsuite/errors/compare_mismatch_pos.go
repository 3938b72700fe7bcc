package main

func main() {
	var s string
	_ = s == 1
}
