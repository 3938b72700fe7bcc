package main

func main() {
	b := []byte("go")
	var s string = b[0]
	_ = s
}
