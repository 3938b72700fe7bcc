package main

func main() {
	a := "x"
	copy(a, []byte{})
}
