package main

func main() {
	x := 5
	_ = -x[0]
	_ = len("abc")[0]
}
