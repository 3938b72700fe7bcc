package main

func main() {
	x := 5
	_ = x(3)
}
