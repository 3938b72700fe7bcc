package main

func f() error {
	return 1
}

func g(e error) {}

func main() {
	var e error = "x"
	g(true)
	_ = e == "x"
	_ = []error{"a"}
	_ = f
}
