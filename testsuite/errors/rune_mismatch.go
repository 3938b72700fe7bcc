package main

func main() {
	r := 'x'
	var n int = r
	_ = n
}
