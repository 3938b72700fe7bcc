package main

func main() {
	f := error.Error
	_ = f
}
