package main

func main() {
	x := 1
	y := 2
	y = 3
}
