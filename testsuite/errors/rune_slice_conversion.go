package main

func main() {
	_ = []rune("abc")
}
